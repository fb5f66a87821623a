package app.backbone.program.domain.generator;

/** Which arm work the optional arms add-on holds. */
public enum ArmsFocus {
    BICEPS,
    TRICEPS,
    BOTH
}
