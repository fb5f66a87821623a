package app.backbone.webhook.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import app.backbone.webhook.config.WebhookConfig;
import app.backbone.webhook.domain.Backoff;
import app.backbone.webhook.domain.DeliveryStatus;
import app.backbone.webhook.domain.SubscriptionStatus;
import app.backbone.webhook.domain.WebhookAttempt;
import app.backbone.webhook.domain.WebhookDelivery;
import app.backbone.webhook.domain.WebhookSubscription;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Takes due deliveries for sending and records what each attempt came to. Only the oldest pending delivery of a
 * member to a subscription is ever taken, so one member's events arrive in order; it is leased (its next attempt
 * moved past the longest a send can take) rather than locked while it is sent, so a crashed instance's sends are
 * simply taken again once their lease runs out: at least once, with the same {@code webhook-id}.
 */
@ApplicationScoped
public class DeliveryStore {

    /**
     * Per ACTIVE subscription, as many due lanes as it has places left (its share less its sends in flight here),
     * soonest due first and skipping lanes another instance holds; of those, the {@code limit} soonest. Each lane's
     * next delivery is leased, and so is the lane, until the lease ends.
     */
    private static final String CLAIM = "WITH picked AS ("
            + " SELECT l.subscription_id, l.member_key, l.head_id, l.due_at FROM webhook_subscription s"
            + " LEFT JOIN unnest(?::uuid[], ?::int[]) AS busy (subscription_id, in_flight)"
            + " ON busy.subscription_id = s.id"
            + " CROSS JOIN LATERAL (SELECT * FROM webhook_lane l WHERE l.subscription_id = s.id AND l.due_at <= ?"
            + "  ORDER BY l.due_at LIMIT greatest(? - coalesce(busy.in_flight, 0), 0) FOR UPDATE OF l SKIP LOCKED) l"
            + " WHERE s.status = 'ACTIVE' ORDER BY l.due_at LIMIT ?), "
            + "leased_lanes AS (UPDATE webhook_lane l SET due_at = ? FROM picked p"
            + " WHERE l.subscription_id = p.subscription_id AND l.member_key = p.member_key) "
            + "UPDATE webhook_delivery d SET next_attempt_at = ?, leased_until = ? "
            + "FROM picked p, webhook_subscription s "
            + "WHERE d.id = p.head_id AND s.id = d.subscription_id AND d.status = 'PENDING' AND d.next_attempt_at <= ? "
            + "RETURNING d.id, d.subscription_id, s.url, s.secret_ciphertext, d.payload::text";

    private static final int MAX_ERROR = 500;

    private final DataSource dataSource;
    private final WebhookConfig config;
    private final Clock clock;
    private final Backoff backoff;
    private final Duration lease;
    private final MeterRegistry meters;
    private final DeliveryLanes lanes;

    public DeliveryStore(DataSource dataSource, WebhookConfig config, Clock clock, MeterRegistry meters,
            DeliveryLanes lanes) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
        this.backoff = new Backoff(config.delivery().initialBackoff(), config.delivery().maxBackoff());
        this.lease = config.delivery().connectTimeout().plus(config.delivery().requestTimeout())
                .plusSeconds(30);
        this.meters = meters;
        this.lanes = lanes;
    }

    /**
     * Up to {@code limit} due deliveries, at most one per member and subscription, and per subscription at most the
     * configured number less the sends to it in flight here ({@code inFlight}).
     */
    public List<ClaimedDelivery> claim(int limit, Map<UUID, Integer> inFlight) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                List<Map.Entry<UUID, Integer>> busy = List.copyOf(inFlight.entrySet());
                Timestamp leasedUntil = Timestamp.from(now.plus(lease));
                Timestamp at = Timestamp.from(now);
                claim.setArray(1, connection.createArrayOf("uuid", busy.stream().map(Map.Entry::getKey).toArray()));
                claim.setArray(2, connection.createArrayOf("integer",
                        busy.stream().map(Map.Entry::getValue).toArray()));
                claim.setTimestamp(3, at);
                claim.setInt(4, config.delivery().perSubscription());
                claim.setInt(5, limit);
                claim.setTimestamp(6, leasedUntil);
                claim.setTimestamp(7, leasedUntil);
                claim.setTimestamp(8, leasedUntil);
                claim.setTimestamp(9, at);
                List<ClaimedDelivery> claimed = new ArrayList<>();
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(new ClaimedDelivery(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                                rows.getString(3), rows.getBytes(4), rows.getString(5)));
                    }
                }
                return claimed;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not take due deliveries", e);
            }
        });
    }

    /**
     * Records an attempt: a 2xx delivers, a 410 disables the subscription and gives up the delivery with all its
     * other pending ones, since a disabled subscription is sent nothing more; anything else makes it due again after
     * the back-off, or gives it up once that would pass its expiry or the subscription has been disabled meanwhile.
     * The subscription is locked first: shared by ordinary attempts, which are recorded side by side, and exclusively
     * by a 410, which waits for those in progress and makes later ones see the subscription disabled, so none of them
     * can schedule a delivery again after the 410 has given them up.
     */
    public void record(ClaimedDelivery claimed, AttemptOutcome outcome) {
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookSubscription subscription = WebhookSubscription.findById(claimed.subscriptionId(),
                    outcome.gone() ? LockModeType.PESSIMISTIC_WRITE : LockModeType.PESSIMISTIC_READ);
            WebhookDelivery delivery = subscription == null ? null : WebhookDelivery.findById(claimed.id());
            if (delivery == null) {
                return;
            }
            WebhookAttempt attempt = new WebhookAttempt();
            attempt.deliveryId = delivery.id;
            attempt.attemptedAt = outcome.attemptedAt();
            attempt.statusCode = outcome.statusCode();
            attempt.durationMs = outcome.durationMs();
            attempt.error = outcome.error() == null || outcome.error().length() <= MAX_ERROR ? outcome.error()
                    : outcome.error().substring(0, MAX_ERROR);
            attempt.responseExcerpt = outcome.responseExcerpt();
            attempt.persist();
            delivery.attempts++;
            delivery.leasedUntil = null;
            Instant now = clock.instant();
            meters.counter("backbone.webhooks.attempts", "outcome", outcome.delivered() ? "delivered"
                    : outcome.gone() ? "gone" : outcome.statusCode() == null ? "no-answer" : "error-status")
                    .increment();
            boolean active = subscription.status == SubscriptionStatus.ACTIVE;
            if (outcome.delivered()) {
                delivery.status = DeliveryStatus.DELIVERED;
                delivery.deliveredAt = now;
                delivery.endedAt = now;
            } else if (outcome.gone()) {
                delivery.status = DeliveryStatus.FAILED;
                delivery.endedAt = now;
                if (active) {
                    subscription.status = SubscriptionStatus.DISABLED;
                    subscription.disabledReason = "The endpoint answered 410 Gone at " + outcome.attemptedAt();
                }
                WebhookDelivery.giveUpPending(delivery.subscriptionId, now);
                lanes.closeAll(delivery.subscriptionId);
                return;
            } else {
                Instant next = now.plus(backoff.after(delivery.attempts));
                if (next.isAfter(delivery.expiresAt) || !active) {
                    delivery.status = DeliveryStatus.FAILED;
                    delivery.endedAt = now;
                } else {
                    delivery.nextAttemptAt = next;
                }
            }
            lanes.refresh(delivery.subscriptionId, delivery.memberKey);
        });
    }
}
