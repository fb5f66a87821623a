package app.backbone.catalog.domain;

import java.util.List;

/**
 * The content of an exercise without its bookkeeping (scope, tenant, version): what the global library file holds
 * and what a tenant sends to create or change one of its own.
 */
public record ExerciseDefinition(
        String id,
        String name,
        String description,
        Category category,
        MovementPattern movementPattern,
        List<Muscle> primaryMuscles,
        List<Muscle> secondaryMuscles,
        List<Equipment> equipment,
        Laterality laterality,
        Measure measure,
        boolean loadable,
        List<Contraindication> contraindications,
        List<String> cues,
        List<String> mediaUrls) {

    public ExerciseDefinition {
        primaryMuscles = primaryMuscles == null ? List.of() : List.copyOf(primaryMuscles);
        secondaryMuscles = secondaryMuscles == null ? List.of() : List.copyOf(secondaryMuscles);
        equipment = equipment == null ? List.of() : List.copyOf(equipment);
        contraindications = contraindications == null ? List.of() : List.copyOf(contraindications);
        cues = cues == null ? List.of() : List.copyOf(cues);
        mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
    }
}
