package app.backbone.program.domain.generator;

/** How a set of an exercise is counted (the catalog's vocabulary). */
public enum Measure {
    REPS,
    REPS_PER_SIDE,
    SECONDS,
    SECONDS_PER_SIDE;

    /** Whether a set is held for time rather than counted in reps. */
    public boolean timed() {
        return this == SECONDS || this == SECONDS_PER_SIDE;
    }

    /** Whether each side is counted on its own. */
    public boolean perSide() {
        return this == REPS_PER_SIDE || this == SECONDS_PER_SIDE;
    }
}
