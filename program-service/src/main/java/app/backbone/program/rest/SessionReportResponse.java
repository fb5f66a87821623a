package app.backbone.program.rest;

import java.util.UUID;

/** The answer to an accepted session report: the event that carries it. */
public record SessionReportResponse(UUID eventId, String sessionId, UUID programId, String memberId, int exercises,
        int sets) {
}
