package app.backbone.logging.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A record of {@value ProgressTopics#INSIGHTS} (schema version 1, {@code contracts/training.insights.schema.json},
 * held to it by {@code ProgressContractTest}): a fact learned while storing a live session. {@code record} comes
 * with {@code RECORD_ACHIEVED}, {@code recommendation} with {@code DELOAD_RECOMMENDED}; the other is left out.
 */
public record Insight(UUID eventId, int schemaVersion, Type type, Instant occurredAt, String tenantId,
        String memberId, String exerciseId, String sessionId, Instant completedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) RecordValue record,
        @JsonInclude(JsonInclude.Include.NON_NULL) Deload recommendation) {

    /** The schema version this record follows. */
    public static final int SCHEMA_VERSION = 1;

    /** What was learned. */
    public enum Type {
        RECORD_ACHIEVED, DELOAD_RECOMMENDED
    }

    /**
     * Which record, the value beaten (null for its first value) and the new one, in {@code unit} ({@code kg} or
     * {@code reps}); {@code loadKg} only with {@code MOST_REPS_AT_LOAD}.
     */
    public record RecordValue(String kind, BigDecimal previousValue, BigDecimal newValue, String unit,
            @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal loadKg) {
    }

    /** The recommendation the session turned to; {@code action} is always {@code DELOAD}. */
    public record Deload(String action, BigDecimal nextLoadKg, String reason) {
    }
}
