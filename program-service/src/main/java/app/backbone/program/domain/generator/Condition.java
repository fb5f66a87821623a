package app.backbone.program.domain.generator;

/** A member condition that rules out the exercises contraindicated for it (the catalog's contraindication codes). */
public enum Condition {
    DEPRESSED_SHOULDERS,
    EXCESSIVE_LUMBAR_CURVE,
    SHOULDER_PAIN,
    KNEE_PAIN,
    LOW_BACK_PAIN
}
