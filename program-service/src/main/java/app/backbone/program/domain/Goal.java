package app.backbone.program.domain;

/** What a program trains for. */
public enum Goal {
    STRENGTH,
    HYPERTROPHY,
    BACK_HEALTH
}
