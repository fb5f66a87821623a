package app.backbone.logging.domain.figures;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** What the figures need to know about an exercise, taken from the local catalog read model. */
public record ExerciseFacts(String exerciseId, String movementPattern, List<String> primaryMuscles,
        List<String> secondaryMuscles) {

    public ExerciseFacts {
        Objects.requireNonNull(exerciseId, "exerciseId");
        primaryMuscles = primaryMuscles == null ? List.of() : List.copyOf(primaryMuscles);
        secondaryMuscles = secondaryMuscles == null ? List.of() : List.copyOf(secondaryMuscles);
    }

    /** Facts keyed by exercise id, the shape the figures read them in. */
    public static Map<String, ExerciseFacts> byId(Collection<ExerciseFacts> facts) {
        TreeMap<String, ExerciseFacts> byId = new TreeMap<>();
        facts.forEach(f -> byId.put(f.exerciseId(), f));
        return byId;
    }
}
