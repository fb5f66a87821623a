package app.backbone.logging.domain.figures;

/**
 * The prescription a member trained against: {@code repsMax} null is an open-ended range such as "15+";
 * {@code sets} null means the number of sets is not known (the completed-session event always carries it).
 */
public record Prescribed(Integer sets, Integer repsMin, Integer repsMax) {

    /** Reps above {@code repsMin} every set must reach before an open-ended range moves up. */
    public static final int OPEN_ENDED_MARGIN = 5;

    public Prescribed {
        if (repsMin != null && repsMax != null && repsMax < repsMin) {
            throw new IllegalArgumentException("repsMax must not be below repsMin");
        }
    }

    boolean hasRepRange() {
        return repsMin != null;
    }

    /** The reps every working set must reach for an increase: {@code repsMax}, or {@code repsMin + 5} if open. */
    int repsToIncrease() {
        return repsMax != null ? repsMax : repsMin + OPEN_ENDED_MARGIN;
    }

    /** Whether this many working sets make the prescribed number; any number does when it is not known. */
    boolean setsDone(int workingSets) {
        return sets == null || workingSets >= sets;
    }
}
