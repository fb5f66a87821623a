package app.backbone.program.rest;

import java.util.UUID;

/**
 * The answer to an accepted session report: the event that carries it and the session of the program it was judged
 * against ({@code week} and {@code sessionIndex} null for reports accepted before programs had cycles).
 */
public record SessionReportResponse(UUID eventId, String sessionId, UUID programId, String memberId, int exercises,
        int sets, Integer week, Integer sessionIndex) {
}
