package app.backbone.logging.domain.figures;

/** The prescription a member trained against: {@code repsMax} null is an open-ended range such as "15+". */
public record Prescribed(Integer sets, Integer repsMin, Integer repsMax) {

    public Prescribed {
        if (repsMin != null && repsMax != null && repsMax < repsMin) {
            throw new IllegalArgumentException("repsMax must not be below repsMin");
        }
    }

    boolean hasRepRange() {
        return repsMin != null;
    }
}
