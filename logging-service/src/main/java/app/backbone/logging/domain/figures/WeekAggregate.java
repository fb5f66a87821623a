package app.backbone.logging.domain.figures;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Running volume of one member in one ISO week, folded one session at a time.
 *
 * <p>It stores only what does not depend on the catalog: totals, hard sets per exercise, and for each session
 * the exercises that got at least one hard set. Muscles and movement patterns are applied when the figures
 * are read ({@link WeeklyFigures.Calculator}), so an exercise whose facts arrive late needs no recomputation:
 * the next read attributes its hard sets. Folding is commutative and ignores a session id it already holds, so
 * any order of {@link #plus(LoggedSession)} calls gives equal values.
 *
 * @param tonnageKg exact sum, rounded only in {@link WeeklyFigures}
 * @param hardExercisesBySession every folded session id, mapped to the exercise ids that got a hard set in it
 */
public record WeekAggregate(IsoWeek week, int sets, int reps, BigDecimal tonnageKg,
        SortedMap<String, Integer> hardSetsByExercise, SortedMap<String, SortedSet<String>> hardExercisesBySession) {

    public WeekAggregate {
        Objects.requireNonNull(week, "week");
        Objects.requireNonNull(tonnageKg, "tonnageKg");
        hardSetsByExercise = Collections.unmodifiableSortedMap(new TreeMap<>(hardSetsByExercise));
        TreeMap<String, SortedSet<String>> bySession = new TreeMap<>();
        hardExercisesBySession.forEach((session, exercises) ->
                bySession.put(session, Collections.unmodifiableSortedSet(new TreeSet<>(exercises))));
        hardExercisesBySession = Collections.unmodifiableSortedMap(bySession);
    }

    public static WeekAggregate empty(IsoWeek week) {
        return new WeekAggregate(week, 0, 0, BigDecimal.ZERO, new TreeMap<>(), new TreeMap<>());
    }

    public int sessions() {
        return hardExercisesBySession.size();
    }

    public boolean contains(String sessionId) {
        return hardExercisesBySession.containsKey(sessionId);
    }

    /** Exercise ids that got hard sets this week: the facts {@link WeeklyFigures.Calculator} needs. */
    public Set<String> exerciseIds() {
        return hardSetsByExercise.keySet();
    }

    /**
     * This week with one more session. A session already folded (same id) leaves it unchanged.
     *
     * @throws IllegalArgumentException when the session was completed in another week
     */
    public WeekAggregate plus(LoggedSession session) {
        if (!session.week().equals(week)) {
            throw new IllegalArgumentException(
                    "session " + session.sessionId() + " belongs to " + session.week() + ", not " + week);
        }
        if (contains(session.sessionId())) {
            return this;
        }
        int newSets = sets;
        int newReps = reps;
        BigDecimal newTonnage = tonnageKg;
        TreeMap<String, Integer> hardSets = new TreeMap<>(hardSetsByExercise);
        TreeSet<String> hardExercises = new TreeSet<>();
        for (LoggedExercise exercise : session.exercises()) {
            for (LoggedSet set : exercise.sets()) {
                if (!SetMath.isWorking(set)) {
                    continue;
                }
                newSets++;
                newReps += SetMath.reps(set);
                newTonnage = newTonnage.add(SetMath.tonnageKg(set));
                if (SetMath.isHard(set)) {
                    hardSets.merge(exercise.exerciseId(), 1, Integer::sum);
                    hardExercises.add(exercise.exerciseId());
                }
            }
        }
        TreeMap<String, SortedSet<String>> bySession = new TreeMap<>(hardExercisesBySession);
        bySession.put(session.sessionId(), hardExercises);
        return new WeekAggregate(week, newSets, newReps, newTonnage, hardSets, bySession);
    }
}
