package app.backbone.webhook.rest;

import app.backbone.webhook.domain.DeliveryStatus;
import app.backbone.webhook.domain.WebhookSubscription;
import app.backbone.webhook.service.SubscriptionService;

/** Subscriptions and deliveries as the API shows them. */
final class WebhookMapper {

    private WebhookMapper() {
    }

    static WebhookResponse response(WebhookSubscription subscription) {
        return new WebhookResponse(subscription.id, subscription.url, subscription.events, subscription.description,
                subscription.status.name(), subscription.disabledReason, subscription.createdAt);
    }

    static WebhookCreated created(SubscriptionService.Created created) {
        WebhookSubscription subscription = created.subscription();
        return new WebhookCreated(subscription.id, subscription.url, subscription.events, subscription.description,
                subscription.status.name(), subscription.createdAt, created.secret());
    }

    static DeliveryResponse delivery(SubscriptionService.DeliveryView view) {
        var delivery = view.delivery();
        return new DeliveryResponse(delivery.id, delivery.eventType, delivery.status.name(), delivery.attempts,
                delivery.status == DeliveryStatus.PENDING ? delivery.nextAttemptAt : null, delivery.createdAt,
                delivery.deliveredAt, view.attempts().stream().map(attempt -> new DeliveryResponse.AttemptResponse(
                        attempt.attemptedAt, attempt.statusCode, attempt.durationMs, attempt.error,
                        attempt.responseExcerpt)).toList());
    }
}
