package app.backbone.catalog.domain;

/** Equipment an exercise needs; a member's available equipment rules exercises in or out. */
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
