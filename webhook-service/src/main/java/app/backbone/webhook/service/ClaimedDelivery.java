package app.backbone.webhook.service;

import java.util.UUID;

/** A delivery taken for one attempt, with what sending it needs: where to, the encrypted secret and the body. */
public record ClaimedDelivery(UUID id, UUID subscriptionId, String url, byte[] secretCiphertext, String body) {
}
