package app.backbone.webhook.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription as the API shows it; the secret never again after it was created. */
public record WebhookResponse(UUID id, String url, List<String> events, String description, String status,
        String disabledReason, Instant createdAt) {
}
