package app.backbone.catalog.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.backbone.catalog.domain.Category;
import app.backbone.catalog.domain.Contraindication;
import app.backbone.catalog.domain.Equipment;
import app.backbone.catalog.domain.Exercise;
import app.backbone.catalog.domain.Laterality;
import app.backbone.catalog.domain.Measure;
import app.backbone.catalog.domain.MovementPattern;
import app.backbone.catalog.domain.Muscle;
import app.backbone.catalog.domain.Scope;

/**
 * An exercise was created, changed or retired: its full state after the change, as published on
 * {@value CatalogTopics#EXERCISES}. Documented by {@code contracts/catalog.exercises.schema.json}.
 */
public record ExerciseChanged(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String exerciseId,
        Scope scope,
        String tenantId,
        long version,
        boolean retired,
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

    public static final int SCHEMA_VERSION = 1;

    /** The event for the exercise's current state. */
    public static ExerciseChanged of(Exercise e, Instant occurredAt) {
        return new ExerciseChanged(UUID.randomUUID(), SCHEMA_VERSION, occurredAt, e.id, e.scope, e.tenantId,
                e.version, e.retired, e.name, e.description, e.category, e.movementPattern,
                List.copyOf(e.primaryMuscles), List.copyOf(e.secondaryMuscles), List.copyOf(e.equipment),
                e.laterality, e.measure, e.loadable, List.copyOf(e.contraindications), List.copyOf(e.cues),
                List.copyOf(e.mediaUrls));
    }
}
