package app.backbone.logging.rest;

import java.math.BigDecimal;

/** The heaviest working set of a session and, at that load, the most reps. */
public record TopSetResponse(BigDecimal loadKg, int reps) {
}
