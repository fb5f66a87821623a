package app.backbone.catalog.rest;

import java.util.List;

import app.backbone.catalog.domain.Category;
import app.backbone.catalog.domain.Contraindication;
import app.backbone.catalog.domain.Equipment;
import app.backbone.catalog.domain.Laterality;
import app.backbone.catalog.domain.Measure;
import app.backbone.catalog.domain.MovementPattern;
import app.backbone.catalog.domain.Muscle;
import app.backbone.catalog.domain.Scope;

/** An exercise as the API shows it. */
public record ExerciseResponse(
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
        List<String> mediaUrls,
        Scope scope,
        boolean retired,
        long version) {
}
