package app.backbone.program.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * program-service's copy of a record of {@value ErasureTopics#REQUESTED} (schema version 1, logging-service's
 * {@code contracts/members.erasure-requested.schema.json}, held to it by {@code ErasureContractTest}).
 */
public record MemberErasureRequested(UUID eventId, int schemaVersion, Instant occurredAt, UUID erasureId,
        String tenantId, String memberId, Instant requestedAt) {
}
