package app.backbone.webhook.domain;

/** Where a delivery stands: due (now or after a back-off), answered with a 2xx, or given up. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
