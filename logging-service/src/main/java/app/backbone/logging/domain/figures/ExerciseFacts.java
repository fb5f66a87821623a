package app.backbone.logging.domain.figures;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the figures need to know about an exercise, taken from the local catalog read model.
 *
 * @param category the catalog's category ({@code STRENGTH}, {@code MOBILITY}, {@code STRETCH},
 *        {@code SELF_MYOFASCIAL_RELEASE}); only a strength exercise makes hard sets
 */
public record ExerciseFacts(String exerciseId, String category, String movementPattern, List<String> primaryMuscles,
        List<String> secondaryMuscles) {

    /** The one category whose working sets can be hard sets. */
    public static final String STRENGTH = "STRENGTH";

    public ExerciseFacts {
        Objects.requireNonNull(exerciseId, "exerciseId");
        primaryMuscles = primaryMuscles == null ? List.of() : List.copyOf(primaryMuscles);
        secondaryMuscles = secondaryMuscles == null ? List.of() : List.copyOf(secondaryMuscles);
    }

    /** Whether hard-effort working sets of this exercise are hard sets: only for {@code STRENGTH} work. */
    public boolean makesHardSets() {
        return STRENGTH.equals(category);
    }

    /** Facts keyed by exercise id, the shape the figures read them in. */
    public static Map<String, ExerciseFacts> byId(Collection<ExerciseFacts> facts) {
        TreeMap<String, ExerciseFacts> byId = new TreeMap<>();
        facts.forEach(f -> byId.put(f.exerciseId(), f));
        return byId;
    }
}
