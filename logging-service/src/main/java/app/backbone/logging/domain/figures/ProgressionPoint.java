package app.backbone.logging.domain.figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * One exercise in one session: a point of the progression time series, and what the recommendation reads.
 *
 * @param date the UTC calendar date of {@code completedAt}; two sessions on one day give two points
 * @param prescription the prescription logged with this session, null when none
 * @param workingSets working sets logged, timed ones included
 * @param fewestReps the fewest reps among working sets that have reps; null when none has (timed work)
 * @param topSet the heaviest loaded working set; null when no working set was loaded
 * @param bestE1rmKg the best e1RM of the session's sets; null when no set qualifies
 * @param tonnageKg the session's volume load for this exercise
 */
public record ProgressionPoint(String sessionId, Instant completedAt, LocalDate date, Prescribed prescription,
        int workingSets, Integer fewestReps, TopSet topSet, BigDecimal bestE1rmKg, BigDecimal tonnageKg) {

    /** Oldest first; ties broken by session id so the order does not depend on arrival. */
    public static final Comparator<ProgressionPoint> CHRONOLOGICAL =
            Comparator.comparing(ProgressionPoint::completedAt).thenComparing(ProgressionPoint::sessionId);

    /**
     * The point for one exercise of a session. When the exercise was logged more than once in the session,
     * pass all its entries: their sets are taken together and the first prescription given stands.
     */
    public static ProgressionPoint of(String sessionId, Instant completedAt, List<LoggedExercise> entries) {
        Prescribed prescription = null;
        int workingSets = 0;
        Integer fewestReps = null;
        TopSet top = null;
        BigDecimal bestE1rm = null;
        BigDecimal tonnage = BigDecimal.ZERO;
        for (LoggedExercise entry : entries) {
            if (prescription == null) {
                prescription = entry.prescription();
            }
            for (LoggedSet set : entry.sets()) {
                if (!SetMath.isWorking(set)) {
                    continue;
                }
                workingSets++;
                tonnage = tonnage.add(SetMath.tonnageKg(set));
                if (set.reps() != null) {
                    fewestReps = fewestReps == null ? set.reps() : Math.min(fewestReps, set.reps());
                }
                if (SetMath.isLoaded(set)) {
                    top = heavier(top, new TopSet(SetMath.kg(set.loadKg()), set.reps() == null ? 0 : set.reps()));
                }
                bestE1rm = max(bestE1rm, SetMath.e1rmKg(set));
            }
        }
        return new ProgressionPoint(sessionId, completedAt, completedAt.atZone(ZoneOffset.UTC).toLocalDate(),
                prescription, workingSets, fewestReps, top, bestE1rm, SetMath.kg(tonnage));
    }

    /** The top working load, null when unloaded. */
    public BigDecimal topLoadKg() {
        return topSet == null ? null : topSet.loadKg();
    }

    private static TopSet heavier(TopSet current, TopSet candidate) {
        if (current == null) {
            return candidate;
        }
        int byLoad = candidate.loadKg().compareTo(current.loadKg());
        return byLoad > 0 || (byLoad == 0 && candidate.reps() > current.reps()) ? candidate : current;
    }

    static BigDecimal max(BigDecimal a, BigDecimal b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
