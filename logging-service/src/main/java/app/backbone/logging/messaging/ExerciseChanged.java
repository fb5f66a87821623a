package app.backbone.logging.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.backbone.common.catalog.ExerciseState;

/**
 * logging-service's copy of catalog-service's {@code ExerciseChanged} (schema version 1): the full state of one
 * exercise, which the catalog read model keeps. Enum-valued fields are kept as strings so that values a newer
 * catalog adds do not break the read model; {@code ExerciseChangedContractTest} holds this copy against the
 * catalog's published schema.
 */
public record ExerciseChanged(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String exerciseId,
        String scope,
        String tenantId,
        long version,
        boolean retired,
        String name,
        String description,
        String category,
        String movementPattern,
        List<String> primaryMuscles,
        List<String> secondaryMuscles,
        List<String> equipment,
        String laterality,
        String measure,
        boolean loadable,
        List<String> contraindications,
        List<String> cues,
        List<String> mediaUrls) implements ExerciseState {
}
