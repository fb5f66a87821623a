package app.backbone.program.service;

import java.util.UUID;

/**
 * An accepted session report: the event that carries it and what it counted. Stored as JSON with its idempotency
 * record, so that a retry is answered the same; its field names are those of the rows already stored.
 */
public record AcceptedReport(UUID eventId, String sessionId, UUID programId, String memberId, int exercises,
        int sets) {
}
