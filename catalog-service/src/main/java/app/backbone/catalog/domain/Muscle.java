package app.backbone.catalog.domain;

/** Muscles and muscle groups an exercise works, as primary or secondary movers. */
public enum Muscle {
    LATS,
    RHOMBOIDS,
    MIDDLE_TRAPEZIUS,
    LOWER_TRAPEZIUS,
    UPPER_TRAPEZIUS,
    REAR_DELTOIDS,
    ROTATOR_CUFF,
    ERECTOR_SPINAE,
    GLUTES,
    HAMSTRINGS,
    BICEPS,
    TRICEPS,
    PECTORALS,
    FRONT_DELTOIDS,
    FOREARMS,
    CORE
}
