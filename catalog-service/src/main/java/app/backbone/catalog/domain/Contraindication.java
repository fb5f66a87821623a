package app.backbone.catalog.domain;

/** Conditions under which an exercise is not to be prescribed. */
public enum Contraindication {
    DEPRESSED_SHOULDERS,
    EXCESSIVE_LUMBAR_CURVE,
    SHOULDER_PAIN,
    KNEE_PAIN,
    LOW_BACK_PAIN
}
