package app.backbone.logging.domain.imports;

import java.time.Instant;
import java.util.List;

/** One workout of a file, with the physical lines its rows span. */
public record ImportedWorkout(long firstLine, long lastLine, Instant startedAt, Instant completedAt, String title,
        List<ImportedExercise> exercises) {

    public ImportedWorkout {
        exercises = List.copyOf(exercises);
    }
}
