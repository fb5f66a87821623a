package app.backbone.logging.rest;

import java.time.Instant;
import java.util.UUID;

import app.backbone.logging.domain.TrainingSession;

/** A completed session as the API shows it. */
public record SessionResponse(String sessionId, String memberId, UUID programId, Instant completedAt) {

    static SessionResponse from(TrainingSession s) {
        return new SessionResponse(s.sessionId, s.memberId, s.programId, s.completedAt);
    }
}
