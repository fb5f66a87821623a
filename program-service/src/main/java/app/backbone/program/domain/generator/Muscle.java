package app.backbone.program.domain.generator;

/** Muscles an exercise works (the catalog's vocabulary). */
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
