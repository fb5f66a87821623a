package app.backbone.logging.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A record of {@value ErasureTopics#REQUESTED} (schema version 1,
 * {@code contracts/members.erasure-requested.schema.json}, held to it by {@code ErasureContractTest}): every other
 * service is to erase the member and confirm.
 */
public record MemberErasureRequested(UUID eventId, int schemaVersion, Instant occurredAt, UUID erasureId,
        String tenantId, String memberId, Instant requestedAt) {

    /** The schema version this record follows. */
    public static final int SCHEMA_VERSION = 1;
}
