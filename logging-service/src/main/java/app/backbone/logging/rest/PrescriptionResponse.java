package app.backbone.logging.rest;

/** The prescription a session was logged against; {@code repsMax} null is an open-ended range. */
public record PrescriptionResponse(Integer sets, Integer repsMin, Integer repsMax) {
}
