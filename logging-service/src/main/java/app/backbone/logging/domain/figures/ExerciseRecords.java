package app.backbone.logging.domain.figures;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A member's personal records on one exercise, over working sets only.
 *
 * @param heaviestLoad the heaviest load lifted; null when never loaded
 * @param bestE1rm the best e1RM; null when no set qualified
 * @param mostRepsByLoadKg load (kg, 2 decimals) to the most reps done in one set at exactly that load; unloaded
 *        sets are keyed {@code 0.00}; timed sets without reps are left out
 * @param bestSessionTonnage the most volume load in one session; null when no session had any
 */
public record ExerciseRecords(Best heaviestLoad, Best bestE1rm, SortedMap<BigDecimal, Integer> mostRepsByLoadKg,
        Best bestSessionTonnage) {

    private static final BigDecimal UNLOADED = SetMath.kg(BigDecimal.ZERO);

    public ExerciseRecords {
        mostRepsByLoadKg = Collections.unmodifiableSortedMap(new TreeMap<>(mostRepsByLoadKg));
    }

    public static ExerciseRecords none() {
        return new ExerciseRecords(null, null, new TreeMap<>(), null);
    }

    ExerciseRecords plus(ProgressionPoint point, List<LoggedExercise> entries) {
        TreeMap<BigDecimal, Integer> mostReps = new TreeMap<>(mostRepsByLoadKg);
        for (LoggedExercise entry : entries) {
            for (LoggedSet set : entry.sets()) {
                if (SetMath.isWorking(set) && set.reps() != null) {
                    BigDecimal load = SetMath.isLoaded(set) ? SetMath.kg(set.loadKg()) : UNLOADED;
                    mostReps.merge(load, set.reps(), Math::max);
                }
            }
        }
        BigDecimal tonnage = point.tonnageKg().signum() > 0 ? point.tonnageKg() : null;
        return new ExerciseRecords(
                Best.better(heaviestLoad, best(point.topLoadKg(), point)),
                Best.better(bestE1rm, best(point.bestE1rmKg(), point)),
                mostReps,
                Best.better(bestSessionTonnage, best(tonnage, point)));
    }

    private static Best best(BigDecimal kg, ProgressionPoint point) {
        return kg == null ? null : new Best(kg, point.sessionId(), point.completedAt());
    }
}
