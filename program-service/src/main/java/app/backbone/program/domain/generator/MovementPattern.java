package app.backbone.program.domain.generator;

/** The movement an exercise trains (the catalog's vocabulary); substitutes keep the pattern. */
public enum MovementPattern {
    HIP_HINGE,
    HORIZONTAL_PULL,
    VERTICAL_PULL,
    STRAIGHT_ARM_PULL,
    SCAPULAR_RETRACTION,
    SCAPULAR_UPWARD_ROTATION,
    THORACIC_EXTENSION,
    SPINAL_ROTATION,
    HORIZONTAL_PUSH,
    ELBOW_FLEXION,
    ELBOW_EXTENSION,
    HIP_EXTENSION,
    SOFT_TISSUE,
    LUMBAR_FLEXION_STRETCH
}
