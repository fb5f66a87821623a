package app.backbone.logging.rest;

import java.time.Instant;
import java.util.UUID;

/** A completed session as the API shows it. */
public record SessionResponse(String sessionId, String memberId, UUID programId, Instant completedAt) {
}
