package app.backbone.testsupport;

import java.util.UUID;

/** {@code catalog.exercises} records as catalog-service publishes them, for the consumers' tests. */
public final class ExerciseStates {

    private ExerciseStates() {
    }

    /** A complete, schema-valid state of a global cable pull-down-like exercise. */
    public static String json(String id, long version, boolean retired, String name) {
        return """
                {"eventId":"%s","schemaVersion":1,"occurredAt":"2026-11-20T10:00:00Z","exerciseId":"%s",
                 "scope":"GLOBAL","tenantId":null,"version":%d,"retired":%s,"name":"%s","description":null,
                 "category":"STRENGTH","movementPattern":"VERTICAL_PULL","primaryMuscles":["LATS"],
                 "secondaryMuscles":["BICEPS"],"equipment":["CABLE"],"laterality":"BILATERAL","measure":"REPS",
                 "loadable":true,"contraindications":["SHOULDER_PAIN"],"cues":["Chest up"],"mediaUrls":[]}
                """.formatted(UUID.randomUUID(), id, version, retired, name);
    }
}
