package app.backbone.webhook.domain;

/** Whether a subscription is delivered to; a {@code 410 Gone} answer disables it. */
public enum SubscriptionStatus {
    ACTIVE, DISABLED
}
