package app.backbone.catalog.rest;

import java.util.List;

import app.backbone.catalog.domain.Exercise;
import app.backbone.catalog.domain.ExerciseDefinition;

/** Converts between the exercise aggregate and the records the API reads and writes. */
final class ExerciseMapper {

    private ExerciseMapper() {
    }

    static ExerciseResponse toResponse(Exercise e) {
        return new ExerciseResponse(e.id, e.name, e.description, e.category, e.movementPattern,
                List.copyOf(e.primaryMuscles), List.copyOf(e.secondaryMuscles), List.copyOf(e.equipment),
                e.laterality, e.measure, e.loadable, List.copyOf(e.contraindications), List.copyOf(e.cues),
                List.copyOf(e.mediaUrls), e.scope, e.retired, e.version);
    }

    /** The content the request asks for: the name stripped, repeated enum values once. */
    static ExerciseDefinition toDefinition(ExerciseRequest r) {
        return new ExerciseDefinition(null, r.name().strip(), r.description(), r.category(), r.movementPattern(),
                distinct(r.primaryMuscles()), distinct(r.secondaryMuscles()), distinct(r.equipment()), r.laterality(),
                r.measure(), r.loadable(), distinct(r.contraindications()), r.cues(), r.mediaUrls());
    }

    private static <T> List<T> distinct(List<T> values) {
        return values == null ? null : values.stream().distinct().toList();
    }
}
