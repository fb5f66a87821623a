package app.backbone.logging.rest;

import app.backbone.logging.domain.TrainingSession;

/** Maps stored sessions to what the API answers. */
final class SessionMapper {

    private SessionMapper() {
    }

    static SessionResponse session(TrainingSession s) {
        return new SessionResponse(s.sessionId, s.memberId, s.programId, s.completedAt);
    }
}
