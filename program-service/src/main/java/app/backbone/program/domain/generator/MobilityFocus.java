package app.backbone.program.domain.generator;

/** The back-health warm-up's mobility drill a trainer asks for; a member's condition can overrule it. */
public enum MobilityFocus {
    /** Extension over the foam roller. */
    THORACIC_EXTENSION,
    /** Side-lying arm circles. */
    ROTATION,
    /** Wall scoops: rotation that is easy on the shoulder. */
    SHOULDER_FRIENDLY_ROTATION
}
