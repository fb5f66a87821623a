package app.backbone.webhook.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new subscription with its signing secret, shown this once. */
public record WebhookCreated(UUID id, String url, List<String> events, String description, String status,
        Instant createdAt,
        @Schema(description = "Signing secret, whsec_<base64>; shown only in this answer") String secret) {
}
