package app.backbone.catalog.domain;

/** How a set of the exercise is counted. */
public enum Measure {
    REPS,
    REPS_PER_SIDE,
    SECONDS,
    SECONDS_PER_SIDE
}
