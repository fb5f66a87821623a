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
 * <p>It stores only what does not depend on the catalog: totals, per exercise the working sets done hard, and per
 * session the exercises worked and those done hard. Which exercises make hard sets (strength work only), their
 * muscles and their movement patterns are applied when the figures are read ({@link WeeklyFigures.Calculator}),
 * so an exercise whose facts arrive late, or change, needs no recomputation: the next read attributes its sets.
 * Folding is commutative and ignores a session id it already holds, so any order of {@link #plus(LoggedSession)}
 * calls gives equal values.
 *
 * @param tonnageKg exact sum, rounded only in {@link WeeklyFigures}
 * @param hardSetsByExercise per exercise, the working sets done hard ({@link SetMath#isHardEffort}); hard sets of
 *        the week where the exercise is strength work
 * @param hardExercisesBySession every folded session id, mapped to the exercise ids with a set done hard in it
 * @param workedExercisesBySession every folded session id, mapped to the exercise ids with a working set in it;
 *        weeks stored under figures version 1 lack it and read it as empty
 */
public record WeekAggregate(IsoWeek week, int sets, int reps, BigDecimal tonnageKg,
        SortedMap<String, Integer> hardSetsByExercise, SortedMap<String, SortedSet<String>> hardExercisesBySession,
        SortedMap<String, SortedSet<String>> workedExercisesBySession) {

    /**
     * Version of what a week stores ({@link #plus} and the fields above). Raise it with any change to them: weeks
     * stored under an older version are recomputed from the sessions when the release starts. Rules applied when
     * the figures are read need no raise. Version 2 added {@code workedExercisesBySession}.
     */
    public static final int FIGURES_VERSION = 2;

    public WeekAggregate {
        Objects.requireNonNull(week, "week");
        Objects.requireNonNull(tonnageKg, "tonnageKg");
        hardSetsByExercise = Collections.unmodifiableSortedMap(new TreeMap<>(hardSetsByExercise));
        hardExercisesBySession = bySession(hardExercisesBySession);
        workedExercisesBySession = bySession(workedExercisesBySession == null ? new TreeMap<>()
                : workedExercisesBySession);
    }

    public static WeekAggregate empty(IsoWeek week) {
        return new WeekAggregate(week, 0, 0, BigDecimal.ZERO, new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }

    public int sessions() {
        return hardExercisesBySession.size();
    }

    public boolean contains(String sessionId) {
        return hardExercisesBySession.containsKey(sessionId);
    }

    /** Exercise ids worked this week: the facts {@link WeeklyFigures.Calculator} needs. */
    public Set<String> exerciseIds() {
        TreeSet<String> ids = new TreeSet<>(hardSetsByExercise.keySet());
        workedExercisesBySession.values().forEach(ids::addAll);
        return ids;
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
        TreeSet<String> workedExercises = new TreeSet<>();
        for (LoggedExercise exercise : session.exercises()) {
            for (LoggedSet set : exercise.sets()) {
                if (!SetMath.isWorking(set)) {
                    continue;
                }
                newSets++;
                newReps += SetMath.reps(set);
                newTonnage = newTonnage.add(SetMath.tonnageKg(set));
                workedExercises.add(exercise.exerciseId());
                if (SetMath.isHardEffort(set)) {
                    hardSets.merge(exercise.exerciseId(), 1, Integer::sum);
                    hardExercises.add(exercise.exerciseId());
                }
            }
        }
        TreeMap<String, SortedSet<String>> hardBySession = new TreeMap<>(hardExercisesBySession);
        hardBySession.put(session.sessionId(), hardExercises);
        TreeMap<String, SortedSet<String>> workedBySession = new TreeMap<>(workedExercisesBySession);
        workedBySession.put(session.sessionId(), workedExercises);
        return new WeekAggregate(week, newSets, newReps, newTonnage, hardSets, hardBySession, workedBySession);
    }

    private static SortedMap<String, SortedSet<String>> bySession(SortedMap<String, SortedSet<String>> exercises) {
        TreeMap<String, SortedSet<String>> copy = new TreeMap<>();
        exercises.forEach((session, ids) -> copy.put(session, Collections.unmodifiableSortedSet(new TreeSet<>(ids))));
        return Collections.unmodifiableSortedMap(copy);
    }
}
