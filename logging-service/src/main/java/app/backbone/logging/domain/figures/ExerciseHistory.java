package app.backbone.logging.domain.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import app.backbone.logging.domain.figures.Recommendation.Action;

/**
 * Running history of one member on one exercise: the progression time series (one point per session, oldest
 * first) and the personal records, both folded one session at a time. Folding is order-independent and
 * ignores a session id it already holds; the recommendation is read from the last two points.
 */
public record ExerciseHistory(String exerciseId, List<ProgressionPoint> series, ExerciseRecords records) {

    /** Load step of an increase. */
    public static final BigDecimal STEP_KG = new BigDecimal("2.5");

    /** Load step of an increase on a {@code HIP_HINGE} exercise. */
    public static final BigDecimal HINGE_STEP_KG = new BigDecimal("5");

    private static final BigDecimal DELOAD_FACTOR = new BigDecimal("0.9");

    /** Points {@link #recommendation} reads: the latest two. */
    public static final int RECENT_POINTS = 2;

    public ExerciseHistory {
        Objects.requireNonNull(exerciseId, "exerciseId");
        series = List.copyOf(series);
        Objects.requireNonNull(records, "records");
    }

    public static ExerciseHistory empty(String exerciseId) {
        return new ExerciseHistory(exerciseId, List.of(), ExerciseRecords.none());
    }

    /** The history computed from scratch; equal to folding the sessions one by one in any order. */
    public static ExerciseHistory rebuild(String exerciseId, Iterable<LoggedSession> sessions) {
        ExerciseHistory history = empty(exerciseId);
        for (LoggedSession session : sessions) {
            history = history.plus(session);
        }
        return history;
    }

    /** This history with one more session; unchanged when the session lacks the exercise or was folded. */
    public ExerciseHistory plus(LoggedSession session) {
        List<LoggedExercise> entries = session.exercises().stream()
                .filter(e -> e.exerciseId().equals(exerciseId))
                .toList();
        if (entries.isEmpty() || series.stream().anyMatch(p -> p.sessionId().equals(session.sessionId()))) {
            return this;
        }
        ProgressionPoint point = ProgressionPoint.of(session.sessionId(), session.completedAt(), entries);
        List<ProgressionPoint> points = new ArrayList<>(series);
        points.add(point);
        points.sort(ProgressionPoint.CHRONOLOGICAL);
        return new ExerciseHistory(exerciseId, points, records.plus(point, entries));
    }

    /**
     * This history with only the points {@link #recommendation} reads (the latest {@value #RECENT_POINTS}) and the
     * whole records. Folding sessions into it gives the recommendation and records that folding them into the whole
     * history gives (a session folded before still changes nothing), so a member's standing can be kept without
     * the series.
     */
    public ExerciseHistory recent() {
        return series.size() <= RECENT_POINTS ? this
                : new ExerciseHistory(exerciseId, series.subList(series.size() - RECENT_POINTS, series.size()),
                        records);
    }

    /** The latest point, if any session was folded. */
    public Optional<ProgressionPoint> latest() {
        return series.isEmpty() ? Optional.empty() : Optional.of(series.get(series.size() - 1));
    }

    /**
     * The next step by double progression, judged on the latest session against its own prescription.
     *
     * <ul>
     * <li>{@code INCREASE} when the latest session did at least the prescribed number of working sets and every
     * one with reps reached {@code repsMax}, or {@code repsMin + 5} on an open-ended range: the latest top working
     * load plus 2.5 kg, or 5 kg when {@code facts} says {@code HIP_HINGE} (unknown facts take 2.5 kg). A
     * prescription without a number of sets puts no bar on the count.</li>
     * <li>{@code DELOAD} when in each of the last two sessions a working set fell below that session's
     * {@code repsMin} and the later top load is at least the earlier one (unloaded counts as 0 kg): 90% of the
     * latest top load, to the nearest 0.5 kg (halves rounded up).</li>
     * <li>{@code HOLD} otherwise (fewer sets than prescribed included), and when there is no session, no working
     * set, no prescribed rep range, or only timed sets: the latest top load again.</li>
     * </ul>
     * {@code nextLoadKg} is null when the latest session had no loaded working set; the action still follows
     * the reps, and the reason says to change the variation instead of the load. Every reason starts with the
     * action and gives the numbers the rule was decided on.
     */
    public Recommendation recommendation(ExerciseFacts facts) {
        if (series.isEmpty()) {
            return hold(null, "no session logged yet");
        }
        ProgressionPoint latest = series.get(series.size() - 1);
        BigDecimal top = latest.topLoadKg();
        Prescribed range = latest.prescription();
        if (latest.workingSets() == 0) {
            return hold(top, "the latest session has only warm-up sets");
        }
        if (latest.fewestReps() == null) {
            return hold(top, "timed work, double progression on reps does not apply");
        }
        if (range == null || !range.hasRepRange()) {
            return hold(top, "no prescribed rep range to progress against");
        }
        int fewest = latest.fewestReps();
        int bar = range.repsToIncrease();
        if (fewest >= bar) {
            String done = setsDone(latest.workingSets()) + " reached " + bar + " reps" + barOrigin(range) + " "
                    + at(top);
            if (!range.setsDone(latest.workingSets())) {
                return hold(top, done + ", but " + range.sets() + " are prescribed; do all " + range.sets()
                        + " before adding load");
            }
            boolean hinge = facts != null && "HIP_HINGE".equals(facts.movementPattern());
            BigDecimal step = hinge ? HINGE_STEP_KG : STEP_KG;
            if (top == null) {
                return new Recommendation(exerciseId, Action.INCREASE, null,
                        "INCREASE: " + done + " last time; move to a harder variation");
            }
            BigDecimal next = SetMath.kg(top.add(step));
            return new Recommendation(exerciseId, Action.INCREASE, next, "INCREASE: " + done + " last time; next "
                    + kgText(next) + " (+" + kgText(step) + (hinge ? ", hip hinge)" : ")"));
        }
        if (fewest < range.repsMin()) {
            String latestShort = fewest + " < " + range.repsMin() + " reps " + at(top);
            ProgressionPoint previous = series.size() > 1 ? series.get(series.size() - 2) : null;
            if (previous == null || !belowRange(previous)) {
                return hold(top, "a working set fell below " + range.repsMin() + " reps (" + fewest + " reps "
                        + at(top) + ") in the latest session only");
            }
            String bothShort = previous.fewestReps() + " < " + previous.prescription().repsMin() + " reps "
                    + at(previous.topLoadKg()) + ", then " + latestShort;
            if (orZero(top).compareTo(orZero(previous.topLoadKg())) < 0) {
                return hold(top, "working sets fell below the range in the last two sessions (" + bothShort
                        + "), but the load already came down");
            }
            String why = "DELOAD: a working set fell below the range in each of the last two sessions at the same"
                    + " or a higher load (" + bothShort + ")";
            if (top == null) {
                return new Recommendation(exerciseId, Action.DELOAD, null,
                        why + "; no load is logged, so move to an easier variation");
            }
            BigDecimal next = deload(top);
            return new Recommendation(exerciseId, Action.DELOAD, next, why + "; next " + kgText(next) + " (90% of "
                    + kgText(top) + ", to the nearest 0.5 kg)");
        }
        return hold(top, "the weakest working set did " + fewest + " reps " + at(top) + "; an increase needs every"
                + " set at " + bar + barOrigin(range));
    }
    /** 90% of a load, to the nearest 0.5 kg, halves rounded up. */
    static BigDecimal deload(BigDecimal loadKg) {
        BigDecimal halves = loadKg.multiply(DELOAD_FACTOR).multiply(BigDecimal.valueOf(2))
                .setScale(0, RoundingMode.HALF_UP);
        return SetMath.kg(halves.divide(BigDecimal.valueOf(2)));
    }

    private static boolean belowRange(ProgressionPoint point) {
        Prescribed range = point.prescription();
        return range != null && range.hasRepRange() && point.fewestReps() != null
                && point.fewestReps() < range.repsMin();
    }

    private Recommendation hold(BigDecimal top, String reason) {
        return new Recommendation(exerciseId, Action.HOLD, top, "HOLD: " + reason
                + (top == null ? "" : "; keep " + kgText(top)));
    }

    private static String setsDone(int workingSets) {
        return workingSets == 1 ? "the only working set" : "all " + workingSets + " working sets";
    }

    /** How an open-ended range's bar comes about; nothing for a closed range, whose bar is its top. */
    private static String barOrigin(Prescribed range) {
        return range.repsMax() != null ? ""
                : " (open-ended " + range.repsMin() + "+: " + range.repsMin() + " + " + Prescribed.OPEN_ENDED_MARGIN
                        + ")";
    }

    private static String at(BigDecimal loadKg) {
        return loadKg == null ? "unloaded" : "at " + kgText(loadKg);
    }

    private static BigDecimal orZero(BigDecimal kg) {
        return kg == null ? BigDecimal.ZERO : kg;
    }

    private static String kgText(BigDecimal kg) {
        return kg.stripTrailingZeros().toPlainString() + " kg";
    }
}
