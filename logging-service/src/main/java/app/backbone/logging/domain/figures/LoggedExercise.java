package app.backbone.logging.domain.figures;

import java.util.List;
import java.util.Objects;

/** The sets logged for one exercise of a session; {@code prescription} is null when none was given. */
public record LoggedExercise(String exerciseId, Prescribed prescription, List<LoggedSet> sets) {

    public LoggedExercise {
        Objects.requireNonNull(exerciseId, "exerciseId");
        sets = List.copyOf(sets);
    }
}
