package app.backbone.logging.domain.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A file read to its end, with everything the reader handed out. */
record Reading(String variant, long rows, List<ImportedWorkout> workouts, List<RowError> errors,
        Map<String, Long> skipped, long skippedRows) {

    static Reading resource(String name, ImportSource source, String zone, WeightUnit unit) {
        try (InputStream in = Reading.class.getResourceAsStream("/imports/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException(name + " is missing");
            }
            return read(in, new ImportOptions(source, zone == null ? null : ZoneId.of(zone), unit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reading text(String csv, ImportSource source) {
        return read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), new ImportOptions(source, null,
                null));
    }

    static Reading read(InputStream in, ImportOptions options) {
        try (WorkoutReader reader = new WorkoutReader(in, options)) {
            List<ImportedWorkout> workouts = new ArrayList<>();
            List<RowError> errors = new ArrayList<>();
            long rows = reader.read(workouts::add, errors::add);
            return new Reading(reader.variant(), rows, workouts, errors, reader.skippedByReason(),
                    reader.skippedRows());
        }
    }

    static ImportedSet set(long line, Integer reps, String kg, Integer rir, boolean toFailure, Integer seconds,
            boolean warmup) {
        return new ImportedSet(line, reps, kg == null ? null : new BigDecimal(kg), rir, toFailure, seconds, warmup);
    }

    static ImportedSet working(long line, int reps, String kg, Integer rir) {
        return set(line, reps, kg, rir, false, null, false);
    }

    static ImportedSet warmup(long line, int reps, String kg) {
        return set(line, reps, kg, null, false, null, true);
    }
}
