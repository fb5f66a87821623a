package app.backbone.webhook.service;

import java.time.Instant;

/**
 * What one attempt came to: the status code ({@code null} when no answer came, with {@code error} saying why), how
 * long it took and the start of the answer.
 */
public record AttemptOutcome(Instant attemptedAt, Integer statusCode, long durationMs, String error,
        String responseExcerpt) {

    public boolean delivered() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    public boolean gone() {
        return statusCode != null && statusCode == 410;
    }
}
