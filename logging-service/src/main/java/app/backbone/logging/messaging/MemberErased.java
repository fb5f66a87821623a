package app.backbone.logging.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A record of {@value ErasureTopics#ERASED} (schema version 1, {@code contracts/members.erased.schema.json}, held to
 * it by {@code ErasureContractTest}): every service has confirmed the erasure.
 */
public record MemberErased(UUID eventId, int schemaVersion, Instant occurredAt, UUID erasureId, String tenantId,
        String memberId, Instant requestedAt, Instant completedAt) {

    /** The schema version this record follows. */
    public static final int SCHEMA_VERSION = 1;
}
