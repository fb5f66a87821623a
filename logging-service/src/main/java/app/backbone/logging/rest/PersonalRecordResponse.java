package app.backbone.logging.rest;

import java.math.BigDecimal;
import java.time.Instant;

/** A record value and the session that first set it. */
public record PersonalRecordResponse(BigDecimal kg, String sessionId, Instant completedAt) {
}
