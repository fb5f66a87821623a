package app.backbone.webhook.service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.backbone.common.Page;
import app.backbone.common.ProblemException;
import app.backbone.webhook.config.WebhookConfig;
import app.backbone.webhook.domain.DeliveryStatus;
import app.backbone.webhook.domain.EventTypes;
import app.backbone.webhook.domain.Signatures;
import app.backbone.webhook.domain.SubscriptionStatus;
import app.backbone.webhook.domain.TargetGuard;
import app.backbone.webhook.domain.WebhookAttempt;
import app.backbone.webhook.domain.WebhookDelivery;
import app.backbone.webhook.domain.WebhookSubscription;

/** A tenant's subscriptions and their deliveries; another tenant's are answered as not found. */
@ApplicationScoped
public class SubscriptionService {

    /** A new subscription with its signing secret, which is shown this once. */
    public record Created(WebhookSubscription subscription, String secret) {
    }

    /** A delivery with its attempts, oldest first. */
    public record DeliveryView(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
    }

    private final TargetGuard guard;
    private final SecretCipher cipher;
    private final Payloads payloads;
    private final WebhookConfig config;
    private final DeliveryLanes lanes;
    private final Clock clock;

    public SubscriptionService(WebhookConfig config, TargetGuard guard, SecretCipher cipher, Payloads payloads,
            Clock clock, DeliveryLanes lanes) {
        this.lanes = lanes;
        this.guard = guard;
        this.cipher = cipher;
        this.payloads = payloads;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Created create(String tenantId, String url, List<String> events, String description) {
        try {
            guard.check(url);
        } catch (TargetGuard.Refused e) {
            throw ProblemException.invalid("'url' " + e.getMessage() + " (rule " + e.rule() + ").", "url",
                    e.getMessage()).with("rule", e.rule());
        }
        List<String> unknown = events.stream().filter(type -> !EventTypes.SUBSCRIBABLE.contains(type)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid("events", "names unknown event types " + unknown + "; known: "
                    + EventTypes.SUBSCRIBABLE);
        }
        byte[] secret = Signatures.newSecret();
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.tenantId = tenantId;
        subscription.url = url;
        subscription.events = List.copyOf(new LinkedHashSet<>(events));
        subscription.description = description;
        subscription.secretCiphertext = cipher.encrypt(secret);
        subscription.status = SubscriptionStatus.ACTIVE;
        subscription.createdAt = clock.instant();
        subscription.persist();
        return new Created(subscription, Signatures.display(secret));
    }

    @Transactional
    public Page<WebhookSubscription> page(String tenantId, int page, int size) {
        return new Page<>(WebhookSubscription.pageForTenant(tenantId, page, size), page, size,
                WebhookSubscription.countForTenant(tenantId));
    }

    @Transactional
    public WebhookSubscription get(String tenantId, UUID id) {
        return WebhookSubscription.findForTenant(tenantId, id)
                .orElseThrow(() -> ProblemException.notFound("No webhook " + id));
    }

    /** Deletes the subscription with its deliveries; nothing more is sent to it. */
    @Transactional
    public void delete(String tenantId, UUID id) {
        get(tenantId, id).delete();
    }

    /** Makes a {@code webhook.test} delivery due at once. */
    @Transactional
    public DeliveryView test(String tenantId, UUID id) {
        WebhookSubscription subscription = active(tenantId, id);
        Instant now = clock.instant();
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = UUID.randomUUID();
        delivery.subscriptionId = subscription.id;
        delivery.tenantId = tenantId;
        delivery.eventType = EventTypes.TEST;
        delivery.payload = payloads.test(subscription.id, now);
        delivery.status = DeliveryStatus.PENDING;
        delivery.nextAttemptAt = now;
        delivery.expiresAt = now.plus(config.delivery().giveUpAfter());
        delivery.createdAt = now;
        delivery.persist();
        lanes.refresh(subscription.id, null);
        return new DeliveryView(delivery, List.of());
    }

    @Transactional
    public Page<DeliveryView> deliveries(String tenantId, UUID id, int page, int size) {
        WebhookSubscription subscription = get(tenantId, id);
        List<WebhookDelivery> deliveries = WebhookDelivery.pageForSubscription(subscription.id, page, size);
        Map<UUID, List<WebhookAttempt>> attempts = WebhookAttempt.ofDeliveries(
                deliveries.stream().map(delivery -> delivery.id).toList()).stream()
                .collect(Collectors.groupingBy(attempt -> attempt.deliveryId));
        return new Page<>(deliveries.stream().map(delivery -> new DeliveryView(delivery,
                attempts.getOrDefault(delivery.id, List.of()))).toList(), page, size,
                WebhookDelivery.countForSubscription(subscription.id));
    }

    /**
     * Makes a delivery due at once with the same {@code webhook-id}, given up or delivered ones included, retried
     * for another full period; refused while an attempt of it is in flight. The delivery is locked meanwhile, so a
     * worker cannot take it between the check and the change.
     */
    @Transactional
    public DeliveryView retry(String tenantId, UUID id, UUID deliveryId) {
        WebhookSubscription subscription = active(tenantId, id);
        WebhookDelivery delivery = WebhookDelivery.lockForSubscription(subscription.id, deliveryId)
                .orElseThrow(() -> ProblemException.notFound("No delivery " + deliveryId + " of webhook " + id));
        Instant now = clock.instant();
        if (delivery.beingAttempted(now)) {
            throw ProblemException.conflict("Delivery " + deliveryId + " is being attempted right now; retry it "
                    + "once the attempt has ended (see its attemptLog).");
        }
        delivery.status = DeliveryStatus.PENDING;
        delivery.nextAttemptAt = now;
        delivery.expiresAt = now.plus(config.delivery().giveUpAfter());
        delivery.endedAt = null;
        lanes.refresh(subscription.id, delivery.memberKey);
        return new DeliveryView(delivery, WebhookAttempt.ofDeliveries(List.of(delivery.id)));
    }

    private WebhookSubscription active(String tenantId, UUID id) {
        WebhookSubscription subscription = get(tenantId, id);
        if (subscription.status != SubscriptionStatus.ACTIVE) {
            throw ProblemException.conflict("Webhook " + id + " is disabled: " + subscription.disabledReason);
        }
        return subscription;
    }
}
