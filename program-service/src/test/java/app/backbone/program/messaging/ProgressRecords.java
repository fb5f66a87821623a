package app.backbone.program.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code training.member-progress} records as logging-service publishes them, for tests. */
public final class ProgressRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProgressRecords() {
    }

    /** The record key: tenant and member. */
    public static String key(String tenant, String member) {
        return tenant + "/" + member;
    }

    /** One exercise's progress. */
    public static Map<String, Object> exercise(String exerciseId, String action, String nextLoadKg,
            String lastLoadKg) {
        return Map.of("exerciseId", exerciseId, "action", action,
                "nextLoadKg", new BigDecimal(nextLoadKg), "reason", action + ": as the rule says",
                "lastLoadKg", new BigDecimal(lastLoadKg), "bestE1rmKg", new BigDecimal("80"),
                "lastCompletedAt", Instant.now().minus(1, ChronoUnit.DAYS).toString());
    }

    /** A record of these exercises, computed now, with these pull and push hard sets over four weeks. */
    public static String json(String tenant, String member, long revision, List<Map<String, Object>> exercises,
            String pull, String push) {
        try {
            return JSON.writeValueAsString(Map.of("schemaVersion", 1, "tenantId", tenant, "memberId", member,
                    "revision", revision, "computedAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                    "pullPush", Map.of("fromWeek", "2026-W45", "toWeek", "2026-W48",
                            "pullHardSets", new BigDecimal(pull),
                            "pushHardSets", new BigDecimal(push)),
                    "exercises", exercises));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A record of one exercise. */
    public static String json(String tenant, String member, long revision, String exerciseId, String action,
            String nextLoadKg, String lastLoadKg, String pull, String push) {
        return json(tenant, member, revision, List.of(exercise(exerciseId, action, nextLoadKg, lastLoadKg)), pull,
                push);
    }
}
