package app.backbone.program.domain.generator;

import java.util.List;

/**
 * One exercise as prescribed: {@code sets} (up to {@code setsMax} when a range is given) of {@code repsMin} to
 * {@code repsMax} reps ({@code repsMax} null = open-ended, as in "15+") or of {@code seconds} (up to
 * {@code secondsMax}) of timed work; {@code perSide} when each side is done on its own. {@code slot} names the
 * template slot the exercise fills; {@code alternatives} are what a trainer may swap it for.
 */
public record Prescription(String exerciseId, String name, int sets, Integer repsMin, Integer repsMax,
        Integer seconds, boolean perSide, int restSeconds, boolean toFailure, Integer targetRir, String rationale,
        Integer setsMax, Integer secondsMax, String slot, List<Alternative> alternatives) {

    public Prescription {
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
        if (sets < 1) {
            throw new IllegalArgumentException("sets must be at least 1");
        }
        if ((repsMin == null) == (seconds == null)) {
            throw new IllegalArgumentException("a prescription has either reps or seconds");
        }
        if (toFailure && targetRir != null) {
            throw new IllegalArgumentException("a set to failure has no reps in reserve");
        }
    }

    public Prescription(String exerciseId, String name, int sets, Integer repsMin, Integer repsMax, Integer seconds,
            boolean perSide, int restSeconds, boolean toFailure, Integer targetRir, String rationale) {
        this(exerciseId, name, sets, repsMin, repsMax, seconds, perSide, restSeconds, toFailure, targetRir, rationale,
                null, null, null, List.of());
    }

    public Prescription(String exerciseId, String name, int sets, Integer repsMin, Integer repsMax, Integer seconds,
            boolean perSide, int restSeconds, boolean toFailure, Integer targetRir, String rationale, Integer setsMax,
            Integer secondsMax, String slot) {
        this(exerciseId, name, sets, repsMin, repsMax, seconds, perSide, restSeconds, toFailure, targetRir, rationale,
                setsMax, secondsMax, slot, List.of());
    }

    Prescription withRest(int rest) {
        return new Prescription(exerciseId, name, sets, repsMin, repsMax, seconds, perSide, rest, toFailure, targetRir,
                rationale, setsMax, secondsMax, slot, alternatives);
    }

    Prescription withAlternatives(List<Alternative> others) {
        return new Prescription(exerciseId, name, sets, repsMin, repsMax, seconds, perSide, restSeconds, toFailure,
                targetRir, rationale, setsMax, secondsMax, slot, others);
    }

    /**
     * The deload version: half the sets (rounded up), two more reps in reserve (at most 10), nothing to failure (a
     * set to failure becomes two reps short of it); work without an effort target keeps none, and work that does
     * not change (a single set without an effort target) stays as it is.
     */
    Prescription deloaded(String why) {
        if (sets == 1 && (setsMax == null || setsMax == 1) && targetRir == null && !toFailure) {
            return this;
        }
        Integer rir = toFailure ? Integer.valueOf(2) : targetRir == null ? null : Math.min(10, targetRir + 2);
        return new Prescription(exerciseId, name, half(sets), repsMin, repsMax, seconds, perSide, restSeconds, false,
                rir, why + " " + rationale, setsMax == null ? null : half(setsMax), secondsMax, slot, alternatives);
    }

    private static int half(int value) {
        return (value + 1) / 2;
    }

    /** Whether the work is held for time. */
    public boolean timed() {
        return seconds != null;
    }

    /** Sets and reps or time, e.g. "3-5 x 3-6", "4 x 15+ per side", "1 x 60-120 s per side". */
    public String dose() {
        String work = timed() ? range(seconds, secondsMax) + " s"
                : repsMax == null ? repsMin + "+" : range(repsMin, repsMax);
        return range(sets, setsMax) + " x " + work + (perSide ? " per side" : "");
    }

    /** One line: name, dose, rest and effort. */
    public String toText() {
        StringBuilder line = new StringBuilder(name).append(": ").append(dose()).append(", ").append(rest());
        if (toFailure) {
            line.append(", to failure");
        } else if (targetRir != null) {
            line.append(", stop ").append(targetRir).append(targetRir == 1 ? " rep" : " reps")
                    .append(" short of failure (RIR ").append(targetRir).append(')');
        }
        return line.toString();
    }

    private String rest() {
        if (restSeconds == 0) {
            return "no rest";
        }
        if (restSeconds >= 120 && restSeconds % 60 == 0) {
            return "rest " + restSeconds / 60 + " min";
        }
        return "rest " + restSeconds + " s";
    }

    private static String range(Integer low, Integer high) {
        return high == null || high.equals(low) ? String.valueOf(low) : low + "-" + high;
    }
}
