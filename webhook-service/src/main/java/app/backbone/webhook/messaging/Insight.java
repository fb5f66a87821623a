package app.backbone.webhook.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * webhook-service's copy of a record of {@value WebhookTopics#INSIGHTS} (schema version 1, logging-service's
 * {@code contracts/training.insights.schema.json}, held to it by {@code InsightContractTest}).
 */
public record Insight(UUID eventId, int schemaVersion, String type, Instant occurredAt, String tenantId,
        String memberId, String exerciseId, String sessionId, Instant completedAt, RecordValue record,
        Deload recommendation) {

    /** With {@code RECORD_ACHIEVED}: which record, the value beaten and the new one. */
    public record RecordValue(String kind, BigDecimal previousValue, BigDecimal newValue, String unit,
            BigDecimal loadKg) {
    }

    /** With {@code DELOAD_RECOMMENDED}: the recommendation the session turned to. */
    public record Deload(String action, BigDecimal nextLoadKg, String reason) {
    }
}
