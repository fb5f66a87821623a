package app.backbone.webhook.domain;

import java.time.Duration;

/** Exponential back-off: the initial wait after the first failed attempt, doubled after each further one, capped. */
public record Backoff(Duration initial, Duration max) {

    /** The wait after the given number of failed attempts (1 or more). */
    public Duration after(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long millis = initial.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
