package app.backbone.logging.domain.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
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
 * <li>hard set: a working set done hard ({@link SetMath#isHardEffort}) of a {@code STRENGTH} exercise; mobility,
 * stretch and soft-tissue work never makes one.</li>
 * <li>{@code hardSetsByMuscle}: 1 per hard set for each primary muscle, 0.5 for each secondary one (a muscle
 * listed as both counts once, as primary), 1 decimal.</li>
 * <li>{@code sessionsByMuscle}: the number of distinct sessions that trained the muscle (as primary or secondary)
 * with a hard set of a strength exercise, or with any working set of an exercise of another category; a session
 * counts once per muscle however many exercises hit it.</li>
 * <li>{@code pullPushRatio}: pull hard sets ({@link #PULL_PATTERNS}) over push hard sets ({@link #PUSH_PATTERNS}),
 * 2 decimals HALF_UP; null when the week has no push hard set, since the ratio is then undefined rather than
 * infinite or zero.</li>
 * <li>{@code exercisesWithoutFacts}: exercises worked this week whose catalog facts are not known yet; they are
 * missing from the muscle and pattern figures until the facts arrive.</li>
 * </ul>
 */
public record WeeklyFigures(String week, int sessions, int sets, int reps, BigDecimal tonnageKg,
        SortedMap<String, BigDecimal> hardSetsByMuscle, SortedMap<String, Integer> sessionsByMuscle,
        int pullHardSets, int pushHardSets, BigDecimal pullPushRatio, SortedSet<String> exercisesWithoutFacts) {

    /** Movement patterns counted as pulls: rows, pulldowns, straight-arm pulls and scapular retraction drills. */
    public static final Set<String> PULL_PATTERNS = Set.of("HORIZONTAL_PULL", "VERTICAL_PULL", "STRAIGHT_ARM_PULL",
            "SCAPULAR_RETRACTION");

    /** Movement patterns counted as pushes. */
    public static final Set<String> PUSH_PATTERNS = Set.of("HORIZONTAL_PUSH");

    private static final SortedSet<String> NONE = Collections.emptySortedSet();

    public WeeklyFigures {
        hardSetsByMuscle = Collections.unmodifiableSortedMap(new TreeMap<>(hardSetsByMuscle));
        sessionsByMuscle = Collections.unmodifiableSortedMap(new TreeMap<>(sessionsByMuscle));
        exercisesWithoutFacts = Collections.unmodifiableSortedSet(new TreeSet<>(exercisesWithoutFacts));
    }

    /** Hard sets of pulling and pushing patterns. */
    public record PullPush(int pullHardSets, int pushHardSets) {
    }

    /**
     * Computes weeks' figures against one set of facts; each exercise's muscles are resolved once, so a long
     * range of weeks costs little more than its aggregates.
     */
    public static final class Calculator {

        private final Map<String, ExerciseFacts> facts;
        private final String[] muscles;
        private final Map<String, int[]> musclesByExercise = new HashMap<>();
        private final Map<String, int[]> halvesByExercise = new HashMap<>();
        private final Set<String> makesHardSets = new HashSet<>();

        public Calculator(Map<String, ExerciseFacts> facts) {
            this.facts = facts;
            TreeSet<String> names = new TreeSet<>();
            facts.values().forEach(f -> {
                names.addAll(f.primaryMuscles());
                names.addAll(f.secondaryMuscles());
            });
            muscles = names.toArray(String[]::new);
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < muscles.length; i++) {
                index.put(muscles[i], i);
            }
            facts.forEach((id, f) -> {
                Map<Integer, Integer> halves = new TreeMap<>();
                f.secondaryMuscles().forEach(m -> halves.put(index.get(m), 1));
                f.primaryMuscles().forEach(m -> halves.put(index.get(m), 2));
                if (f.makesHardSets()) {
                    makesHardSets.add(id);
                }
                musclesByExercise.put(id, halves.keySet().stream().mapToInt(Integer::intValue).toArray());
                halvesByExercise.put(id, halves.values().stream().mapToInt(Integer::intValue).toArray());
            });
        }

        /**
         * The week's figures. A week stored under figures version 1 knows per session only the exercises done
         * hard, so there an exercise other than strength work counts for frequency only where it was done hard.
         */
        public WeeklyFigures of(WeekAggregate week) {
            long[] halves = new long[muscles.length];
            for (Map.Entry<String, Integer> entry : week.hardSetsByExercise().entrySet()) {
                if (!makesHardSets.contains(entry.getKey())) {
                    continue;
                }
                int[] indices = musclesByExercise.get(entry.getKey());
                int[] weights = halvesByExercise.get(entry.getKey());
                for (int k = 0; k < indices.length; k++) {
                    halves[indices[k]] += (long) weights[k] * entry.getValue();
                }
            }
            PullPush pullPush = pullPush(week.hardSetsByExercise());
            int pull = pullPush.pullHardSets();
            int push = pullPush.pushHardSets();
            int[] sessions = new int[muscles.length];
            int[] countedIn = new int[muscles.length];
            int session = 0;
            for (Map.Entry<String, SortedSet<String>> done : week.hardExercisesBySession().entrySet()) {
                session++;
                for (String exerciseId : done.getValue()) {
                    countSession(exerciseId, session, sessions, countedIn);
                }
                for (String exerciseId : week.workedExercisesBySession().getOrDefault(done.getKey(), NONE)) {
                    if (!makesHardSets.contains(exerciseId)) {
                        countSession(exerciseId, session, sessions, countedIn);
                    }
                }
            }
            TreeSet<String> withoutFacts = new TreeSet<>(week.exerciseIds());
            withoutFacts.removeAll(facts.keySet());
            TreeMap<String, BigDecimal> hardSetsByMuscle = new TreeMap<>();
            TreeMap<String, Integer> sessionsByMuscle = new TreeMap<>();
            for (int i = 0; i < muscles.length; i++) {
                if (halves[i] > 0) {
                    hardSetsByMuscle.put(muscles[i], BigDecimal.valueOf(halves[i] * 5L, 1));
                }
                if (sessions[i] > 0) {
                    sessionsByMuscle.put(muscles[i], sessions[i]);
                }
            }
            BigDecimal ratio = push == 0 ? null
                    : BigDecimal.valueOf(pull).divide(BigDecimal.valueOf(push), 2, RoundingMode.HALF_UP);
            return new WeeklyFigures(week.week().toString(), week.sessions(), week.sets(), week.reps(),
                    SetMath.kg(week.tonnageKg()), hardSetsByMuscle, sessionsByMuscle, pull, push, ratio,
                    withoutFacts);
        }

        /**
         * Hard sets of the pull and push patterns among working sets done hard, per exercise (a week's, or several
         * weeks' summed): those of strength exercises whose pattern is in {@link #PULL_PATTERNS} or
         * {@link #PUSH_PATTERNS}.
         */
        public PullPush pullPush(Map<String, Integer> hardSetsByExercise) {
            int pull = 0;
            int push = 0;
            for (Map.Entry<String, Integer> entry : hardSetsByExercise.entrySet()) {
                ExerciseFacts exercise = facts.get(entry.getKey());
                if (exercise == null || !exercise.makesHardSets()) {
                    continue;
                }
                String pattern = exercise.movementPattern() == null ? "" : exercise.movementPattern();
                if (PULL_PATTERNS.contains(pattern)) {
                    pull += entry.getValue();
                } else if (PUSH_PATTERNS.contains(pattern)) {
                    push += entry.getValue();
                }
            }
            return new PullPush(pull, push);
        }

        /** Counts the session once for each muscle the exercise trains; an exercise without facts counts nowhere. */
        private void countSession(String exerciseId, int session, int[] sessions, int[] countedIn) {
            int[] indices = musclesByExercise.get(exerciseId);
            if (indices == null) {
                return;
            }
            for (int muscle : indices) {
                if (countedIn[muscle] != session) {
                    countedIn[muscle] = session;
                    sessions[muscle]++;
                }
            }
        }
    }
}
