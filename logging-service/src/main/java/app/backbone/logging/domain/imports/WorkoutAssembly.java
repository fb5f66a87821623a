package app.backbone.logging.domain.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds workouts from rows in file order and hands each out as soon as its last row has been read. Remembers only
 * the keys of the workouts already handed out, to refuse rows that come back to one of them.
 */
final class WorkoutAssembly {

    static final int MAX_SETS_PER_EXERCISE = 30;
    static final int MAX_EXERCISES_PER_WORKOUT = 40;

    private final SourceRows rows;
    private final Consumer<ImportedWorkout> workouts;
    private final Consumer<RowError> errors;
    private final Map<String, Long> finished = new HashMap<>();
    private final Map<String, Long> skipped = new LinkedHashMap<>();

    private String key;
    private String refusedKey;
    private long firstLine;
    private long lastLine;
    private Row.Head head;
    private final List<Exercise> exercises = new ArrayList<>();

    WorkoutAssembly(SourceRows rows, Consumer<ImportedWorkout> workouts, Consumer<RowError> errors) {
        this.rows = rows;
        this.workouts = workouts;
        this.errors = errors;
    }

    void add(Cells cells, long line, long endLine) {
        String rowKey = rows.workoutKey(cells);
        if (rowKey.equals(refusedKey)) {
            return;
        }
        if (!rowKey.equals(key)) {
            finish();
            Long started = finished.get(rowKey);
            if (started != null) {
                errors.accept(new RowError(line, null,
                        "rows of the workout started at line " + started + " must be together"));
                refusedKey = rowKey;
                return;
            }
            key = rowKey;
            refusedKey = null;
            firstLine = line;
        }
        lastLine = endLine;
        Row row;
        try {
            row = rows.read(cells, line);
        } catch (BadValue bad) {
            errors.accept(new RowError(line, bad.field(), bad.getMessage()));
            return;
        }
        if (row instanceof Row.Skipped skip) {
            skipped.merge(skip.reason(), 1L, Long::sum);
        } else if (row instanceof Row.Set set) {
            addSet(set, line);
        }
    }

    /** Hands out the workout still being built, if it has sets. */
    void finish() {
        if (key == null) {
            return;
        }
        finished.put(key, firstLine);
        if (!exercises.isEmpty()) {
            workouts.accept(new ImportedWorkout(firstLine, lastLine, head.startedAt(), head.completedAt(),
                    head.title(), exercises.stream().map(Exercise::toImported).toList()));
        }
        key = null;
        head = null;
        exercises.clear();
    }

    Map<String, Long> skipped() {
        return skipped;
    }

    private void addSet(Row.Set set, long line) {
        Exercise last = exercises.isEmpty() ? null : exercises.get(exercises.size() - 1);
        if (last == null || !last.slot.equals(set.slot())) {
            if (exercises.size() == MAX_EXERCISES_PER_WORKOUT) {
                errors.accept(new RowError(line, rows.exerciseField(),
                        "a workout has at most " + MAX_EXERCISES_PER_WORKOUT + " exercises"));
                return;
            }
            last = new Exercise(set.slot(), set.exercise(), set.prescription());
            exercises.add(last);
        }
        if (last.sets.size() == MAX_SETS_PER_EXERCISE) {
            errors.accept(new RowError(line, rows.exerciseField(),
                    "an exercise has at most " + MAX_SETS_PER_EXERCISE + " sets in one workout"));
            return;
        }
        if (head == null) {
            head = set.head();
        }
        last.sets.add(set.set());
    }

    private static final class Exercise {
        final String slot;
        final String name;
        final ImportedPrescription prescription;
        final List<ImportedSet> sets = new ArrayList<>();

        Exercise(String slot, String name, ImportedPrescription prescription) {
            this.slot = slot;
            this.name = name;
            this.prescription = prescription;
        }

        ImportedExercise toImported() {
            return new ImportedExercise(name, prescription, sets);
        }
    }
}
