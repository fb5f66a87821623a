package app.backbone.catalog.rest;

import java.util.List;
import java.util.Map;

/** Request bodies for a tenant's own exercise. */
public final class ExerciseLifecycleTestData {

    private ExerciseLifecycleTestData() {
    }

    /** A valid body for a chest-supported-style row with the given name. */
    public static Map<String, Object> body(String name) {
        return Map.of(
                "name", name,
                "description", "Row with the chest supported on an incline bench.",
                "category", "STRENGTH",
                "movementPattern", "HORIZONTAL_PULL",
                "primaryMuscles", List.of("RHOMBOIDS", "MIDDLE_TRAPEZIUS"),
                "secondaryMuscles", List.of("BICEPS"),
                "equipment", List.of("DUMBBELL", "BENCH"),
                "laterality", "BILATERAL",
                "measure", "REPS",
                "loadable", true);
    }
}
