package app.backbone.logging.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * logging-service's copy of a record of {@value ErasureTopics#CONFIRMED} (schema version 1, program-service's
 * {@code contracts/members.erasure-confirmed.schema.json}, held to it by {@code ErasureContractTest}): a service
 * erased what it held of the member.
 */
public record MemberErasureConfirmed(UUID eventId, int schemaVersion, Instant occurredAt, UUID erasureId,
        String tenantId, String memberId, String service) {
}
