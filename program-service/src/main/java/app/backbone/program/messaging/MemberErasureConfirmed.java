package app.backbone.program.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A record of {@value ErasureTopics#CONFIRMED} (schema version 1,
 * {@code contracts/members.erasure-confirmed.schema.json}, held to it by {@code ErasureContractTest}): this service
 * erased what it held of the member.
 */
public record MemberErasureConfirmed(UUID eventId, int schemaVersion, Instant occurredAt, UUID erasureId,
        String tenantId, String memberId, String service) {

    /** The schema version this record follows. */
    public static final int SCHEMA_VERSION = 1;
}
