package app.backbone.logging.domain.figures;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * All running figures of one member: a {@link WeekAggregate} per ISO week and an {@link ExerciseHistory} per
 * exercise. {@link #plus(LoggedSession)} folds one stored session; {@link #rebuild(Iterable)} folds them all
 * from nothing and gives the same value whatever the order.
 */
public record MemberFigures(SortedMap<IsoWeek, WeekAggregate> weeks, SortedMap<String, ExerciseHistory> exercises) {

    public MemberFigures {
        weeks = Collections.unmodifiableSortedMap(new TreeMap<>(weeks));
        exercises = Collections.unmodifiableSortedMap(new TreeMap<>(exercises));
    }

    public static MemberFigures empty() {
        return new MemberFigures(new TreeMap<>(), new TreeMap<>());
    }

    public static MemberFigures rebuild(Iterable<LoggedSession> sessions) {
        MemberFigures figures = empty();
        for (LoggedSession session : sessions) {
            figures = figures.plus(session);
        }
        return figures;
    }

    /** These figures with one more session folded into its week and into each of its exercises. */
    public MemberFigures plus(LoggedSession session) {
        TreeMap<IsoWeek, WeekAggregate> newWeeks = new TreeMap<>(weeks);
        newWeeks.put(session.week(), week(session.week()).plus(session));
        TreeMap<String, ExerciseHistory> newExercises = new TreeMap<>(exercises);
        for (LoggedExercise exercise : session.exercises()) {
            newExercises.put(exercise.exerciseId(), newExercises.getOrDefault(exercise.exerciseId(),
                    ExerciseHistory.empty(exercise.exerciseId())).plus(session));
        }
        return new MemberFigures(newWeeks, newExercises);
    }

    /** The aggregate of a week, empty when nothing was logged in it. */
    public WeekAggregate week(IsoWeek week) {
        return weeks.getOrDefault(week, WeekAggregate.empty(week));
    }

    /** The history of an exercise, empty when it was never logged. */
    public ExerciseHistory exercise(String exerciseId) {
        return exercises.getOrDefault(exerciseId, ExerciseHistory.empty(exerciseId));
    }
}
