package app.backbone.logging.domain.imports;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Backbone's own export: one set a row, a workout being the consecutive rows of one {@code session_id}. */
final class BackboneRows implements SourceRows {

    static final List<String> HEADER = List.of("session_id", "completed_at", "program_id", "exercise_index",
            "exercise_id", "prescribed_sets", "prescribed_reps_min", "prescribed_reps_max", "set_index", "reps",
            "load_kg", "rir", "to_failure", "seconds", "warmup");

    private static final int MAX_RIR = 10;

    /** Recognises Backbone's header, which is exactly {@link #HEADER}, or nothing. */
    static Optional<BackboneRows> recognise(List<String> header) {
        return header.equals(HEADER) ? Optional.of(new BackboneRows()) : Optional.empty();
    }

    @Override
    public String variant() {
        return "backbone";
    }

    @Override
    public String exerciseField() {
        return "exercise_id";
    }

    @Override
    public String workoutKey(Cells cells) {
        return cell(cells, "session_id");
    }

    @Override
    public Row read(Cells cells, long line) {
        Instant completedAt = instant(cell(cells, "completed_at"));
        Row.Head head = new Row.Head(completedAt, completedAt, cell(cells, "session_id"));
        String exercise = cell(cells, "exercise_id");
        if (exercise.isEmpty()) {
            throw new BadValue("exercise_id", "no exercise id");
        }
        ImportedPrescription prescription = null;
        Integer sets = Values.count(cell(cells, "prescribed_sets"), "prescribed_sets", Values.MAX_REPS);
        if (sets != null) {
            prescription = new ImportedPrescription(sets,
                    Values.count(cell(cells, "prescribed_reps_min"), "prescribed_reps_min", Values.MAX_REPS),
                    Values.count(cell(cells, "prescribed_reps_max"), "prescribed_reps_max", Values.MAX_REPS));
        }
        Integer reps = Values.count(cell(cells, "reps"), "reps", Values.MAX_REPS);
        Integer seconds = Values.seconds(cell(cells, "seconds"), "seconds");
        if (reps == null && seconds == null) {
            throw new BadValue("reps", "no reps and no seconds");
        }
        ImportedSet set = new ImportedSet(line, reps, Values.loadKg(cell(cells, "load_kg"), WeightUnit.KG, "load_kg"),
                Values.count(cell(cells, "rir"), "rir", MAX_RIR), bool(cell(cells, "to_failure"), "to_failure"),
                seconds, bool(cell(cells, "warmup"), "warmup"));
        return new Row.Set(head, cell(cells, "exercise_index") + '\n' + exercise, exercise, prescription, set);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadValue("completed_at", "'" + text + "' is not an ISO-8601 instant");
        }
    }

    private static boolean bool(String text, String field) {
        return switch (text) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw new BadValue(field, "'" + text + "' is neither true nor false");
        };
    }

    private static String cell(Cells cells, String column) {
        return cells.get(HEADER.indexOf(column));
    }
}
