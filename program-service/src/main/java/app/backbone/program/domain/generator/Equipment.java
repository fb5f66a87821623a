package app.backbone.program.domain.generator;

/** Equipment an exercise needs (the catalog's vocabulary); the {@link ProgramSpec#PERSONAL_ITEMS} are always there. */
public enum Equipment {
    BARBELL,
    DUMBBELL,
    KETTLEBELL,
    CABLE,
    MACHINE,
    PULL_UP_BAR,
    SUSPENSION_TRAINER,
    RESISTANCE_BAND,
    FOAM_ROLLER,
    MASSAGE_BALL,
    BENCH,
    BACK_EXTENSION_BENCH,
    WALL,
    BODYWEIGHT
}
