package app.backbone.webhook.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A delivery (its id is the {@code webhook-id} of every attempt) and each attempt made of it. */
public record DeliveryResponse(UUID id, String eventType, String status, int attempts, Instant nextAttemptAt,
        Instant createdAt, Instant deliveredAt, List<AttemptResponse> attemptLog) {

    /** One attempt: when, the status code (null when no answer came), how long, why it failed, what came back. */
    public record AttemptResponse(Instant attemptedAt, Integer statusCode, long durationMs, String error,
            String responseExcerpt) {
    }
}
