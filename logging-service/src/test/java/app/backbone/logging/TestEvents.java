package app.backbone.logging;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Records of {@code training.sessions.completed} and {@code catalog.exercises} as the tests publish them. */
public final class TestEvents {

    private TestEvents() {
    }

    /** A completed session; its exercises as {@link #exerciseDone} writes them. */
    public static String sessionCompleted(String tenant, String member, String sessionId, String completedAt,
            String... exercises) {
        return """
                {"eventId":"%s","schemaVersion":1,"occurredAt":"%s","tenantId":"%s","memberId":"%s",
                 "sessionId":"%s","completedAt":"%s","exercises":[%s]}
                """.formatted(UUID.randomUUID(), completedAt, tenant, member, sessionId, completedAt,
                String.join(",", exercises));
    }

    /** One exercise of a session; {@code prescription} as {@link #prescription} writes it, or null. */
    public static String exerciseDone(String exerciseId, String prescription, String... sets) {
        return "{\"exerciseId\":\"%s\",\"prescription\":%s,\"sets\":[%s]}"
                .formatted(exerciseId, prescription, String.join(",", sets));
    }

    /** A prescription; {@code repsMax} null is open-ended. */
    public static String prescription(int sets, int repsMin, Integer repsMax) {
        return "{\"sets\":%d,\"repsMin\":%d,\"repsMax\":%s}".formatted(sets, repsMin, repsMax);
    }

    public static String set(int reps, double loadKg, int rir, boolean warmup) {
        return "{\"reps\":%d,\"loadKg\":%s,\"rir\":%d,\"toFailure\":false,\"warmup\":%s}"
                .formatted(reps, loadKg, rir, warmup);
    }

    /** A working set without load. */
    public static String unloaded(int reps, int rir) {
        return "{\"reps\":%d,\"loadKg\":null,\"rir\":%d,\"toFailure\":false,\"warmup\":false}".formatted(reps, rir);
    }

    /** A timed working set, without reps or rir. */
    public static String timed(int seconds) {
        return "{\"seconds\":%d,\"toFailure\":false,\"warmup\":false}".formatted(seconds);
    }

    /** The full state of a global exercise as catalog-service publishes it, named by its id. */
    public static String exerciseChanged(String id, long version, String category, String pattern,
            List<String> primary, List<String> secondary) {
        return exerciseChanged(id, id, version, category, pattern, primary, secondary);
    }

    /** The full state of a global exercise as catalog-service publishes it. */
    public static String exerciseChanged(String id, String name, long version, String category, String pattern,
            List<String> primary, List<String> secondary) {
        return """
                {"eventId":"%s","schemaVersion":1,"occurredAt":"2026-11-01T00:00:00Z","exerciseId":"%s",
                 "scope":"GLOBAL","tenantId":null,"version":%d,"retired":false,"name":"%s","description":null,
                 "category":"%s","movementPattern":"%s","primaryMuscles":[%s],"secondaryMuscles":[%s],
                 "equipment":["BARBELL"],"laterality":"BILATERAL","measure":"REPS","loadable":true,
                 "contraindications":[],"cues":[],"mediaUrls":[]}
                """.formatted(UUID.randomUUID(), id, version, name, category, pattern, quoted(primary),
                quoted(secondary));
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> '"' + v + '"').collect(Collectors.joining(","));
    }
}
