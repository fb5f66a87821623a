package app.backbone.webhook.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * webhook-service's copy of a record of {@value WebhookTopics#ERASED} (schema version 1, logging-service's
 * {@code contracts/members.erased.schema.json}, held to it by {@code MemberErasedContractTest}).
 */
public record MemberErased(UUID eventId, int schemaVersion, Instant occurredAt, UUID erasureId, String tenantId,
        String memberId, Instant requestedAt, Instant completedAt) {
}
