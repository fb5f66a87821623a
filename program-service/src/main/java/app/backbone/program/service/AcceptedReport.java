package app.backbone.program.service;

import java.util.UUID;

/**
 * An accepted session report: the event that carries it, what it counted and the session of the program it was
 * judged against. Stored as JSON with its idempotency record, so that a retry is answered the same; its field names
 * are those of the rows already stored ({@code week} and {@code sessionIndex} are null in answers stored before
 * programs had cycles).
 */
public record AcceptedReport(UUID eventId, String sessionId, UUID programId, String memberId, int exercises,
        int sets, Integer week, Integer sessionIndex) {
}
