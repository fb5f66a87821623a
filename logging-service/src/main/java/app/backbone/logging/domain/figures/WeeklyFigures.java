package app.backbone.logging.domain.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a member did in one ISO week.
 *
 * <ul>
 * <li>{@code sets}: working sets, timed ones included; {@code reps}: reps of working sets.</li>
 * <li>{@code tonnageKg}: sum of {@code reps * loadKg} over working sets, 2 decimals.</li>
 * <li>{@code hardSetsByMuscle}: 1 per hard set for each primary muscle, 0.5 for each secondary one (a muscle
 * listed as both counts once, as primary), 1 decimal.</li>
 * <li>{@code sessionsByMuscle}: the number of distinct sessions in which at least one hard set was logged for
 * an exercise naming the muscle as primary or secondary; a session counts once per muscle however many
 * exercises hit it.</li>
 * <li>{@code pullPushRatio}: pull hard sets ({@code HORIZONTAL_PULL}, {@code VERTICAL_PULL},
 * {@code STRAIGHT_ARM_PULL}) over push hard sets ({@code HORIZONTAL_PUSH}), 2 decimals HALF_UP; null when the
 * week has no push hard set, since the ratio is then undefined rather than infinite or zero.</li>
 * <li>{@code exercisesWithoutFacts}: exercises with hard sets whose catalog facts are not known yet; their
 * hard sets are missing from the muscle and pattern figures until the facts arrive.</li>
 * </ul>
 */
public record WeeklyFigures(String week, int sessions, int sets, int reps, BigDecimal tonnageKg,
        SortedMap<String, BigDecimal> hardSetsByMuscle, SortedMap<String, Integer> sessionsByMuscle,
        int pullHardSets, int pushHardSets, BigDecimal pullPushRatio, SortedSet<String> exercisesWithoutFacts) {

    /** Movement patterns counted as pulls. */
    public static final Set<String> PULL_PATTERNS = Set.of("HORIZONTAL_PULL", "VERTICAL_PULL", "STRAIGHT_ARM_PULL");

    /** Movement patterns counted as pushes. */
    public static final Set<String> PUSH_PATTERNS = Set.of("HORIZONTAL_PUSH");

    public WeeklyFigures {
        hardSetsByMuscle = Collections.unmodifiableSortedMap(new TreeMap<>(hardSetsByMuscle));
        sessionsByMuscle = Collections.unmodifiableSortedMap(new TreeMap<>(sessionsByMuscle));
        exercisesWithoutFacts = Collections.unmodifiableSortedSet(new TreeSet<>(exercisesWithoutFacts));
    }

    static WeeklyFigures of(WeekAggregate week, Map<String, ExerciseFacts> facts) {
        TreeMap<String, Integer> halfSetsByMuscle = new TreeMap<>();
        TreeSet<String> withoutFacts = new TreeSet<>();
        int pull = 0;
        int push = 0;
        for (Map.Entry<String, Integer> entry : week.hardSetsByExercise().entrySet()) {
            ExerciseFacts exercise = facts.get(entry.getKey());
            int hardSets = entry.getValue();
            if (exercise == null) {
                withoutFacts.add(entry.getKey());
                continue;
            }
            muscleWeights(exercise).forEach((muscle, half) -> halfSetsByMuscle.merge(muscle, half * hardSets,
                    Integer::sum));
            String pattern = exercise.movementPattern() == null ? "" : exercise.movementPattern();
            if (PULL_PATTERNS.contains(pattern)) {
                pull += hardSets;
            } else if (PUSH_PATTERNS.contains(pattern)) {
                push += hardSets;
            }
        }
        TreeMap<String, BigDecimal> hardSetsByMuscle = new TreeMap<>();
        halfSetsByMuscle.forEach((muscle, halves) -> hardSetsByMuscle.put(muscle, BigDecimal.valueOf(halves * 5L, 1)));

        TreeMap<String, Integer> sessionsByMuscle = new TreeMap<>();
        for (SortedSet<String> exercises : week.hardExercisesBySession().values()) {
            Set<String> muscles = new LinkedHashSet<>();
            for (String exerciseId : exercises) {
                ExerciseFacts exercise = facts.get(exerciseId);
                if (exercise != null) {
                    muscles.addAll(exercise.primaryMuscles());
                    muscles.addAll(exercise.secondaryMuscles());
                }
            }
            muscles.forEach(muscle -> sessionsByMuscle.merge(muscle, 1, Integer::sum));
        }

        BigDecimal ratio = push == 0 ? null
                : BigDecimal.valueOf(pull).divide(BigDecimal.valueOf(push), 2, RoundingMode.HALF_UP);
        return new WeeklyFigures(week.week().toString(), week.sessions(), week.sets(), week.reps(),
                SetMath.kg(week.tonnageKg()), hardSetsByMuscle, sessionsByMuscle, pull, push, ratio, withoutFacts);
    }

    /** Muscle to weight in half sets: 2 for a primary muscle, 1 for a secondary one. */
    private static Map<String, Integer> muscleWeights(ExerciseFacts exercise) {
        TreeMap<String, Integer> weights = new TreeMap<>();
        for (String muscle : exercise.secondaryMuscles()) {
            weights.put(muscle, 1);
        }
        for (String muscle : exercise.primaryMuscles()) {
            weights.put(muscle, 2);
        }
        return weights;
    }
}
