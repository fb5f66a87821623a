package app.backbone.webhook.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** One event for one subscription; its id is the {@code webhook-id} of every attempt. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Insertion order, which orders one member's deliveries to a subscription. */
    @Generated
    @Column(insertable = false, updatable = false)
    public long seq;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Column(name = "tenant_id")
    public String tenantId;

    /** The member the event is about; deliveries of one member are sent one at a time, in order. */
    @Column(name = "member_key")
    public String memberKey;

    @Column(name = "event_type")
    public String eventType;

    /** The body sent: {@code {type, timestamp, data}}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** After this, a failed attempt gives the delivery up. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    /** While an attempt is in flight: the end of its lease, after which it is taken again. */
    @Column(name = "leased_until")
    public Instant leasedUntil;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** When it was delivered or given up; the retention period runs from then. */
    @Column(name = "ended_at")
    public Instant endedAt;

    /** The subscription's delivery of that id, if any, locked until the transaction ends. */
    public static Optional<WebhookDelivery> lockForSubscription(UUID subscriptionId, UUID id) {
        return find("id = ?1 and subscriptionId = ?2", id, subscriptionId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** Gives up the subscription's pending deliveries, which will never be sent. */
    public static void giveUpPending(UUID subscriptionId, Instant now) {
        update("status = ?1, endedAt = ?2 where subscriptionId = ?3 and status = ?4", DeliveryStatus.FAILED,
                now, subscriptionId, DeliveryStatus.PENDING);
    }

    /** Whether an attempt is in flight now. */
    public boolean beingAttempted(Instant now) {
        return status == DeliveryStatus.PENDING && leasedUntil != null && leasedUntil.isAfter(now);
    }

    /** One page of the subscription's deliveries, newest first. */
    public static List<WebhookDelivery> pageForSubscription(UUID subscriptionId, int page, int size) {
        return find("subscriptionId", Sort.descending("seq"), subscriptionId).page(Page.of(page, size)).list();
    }

    public static long countForSubscription(UUID subscriptionId) {
        return count("subscriptionId", subscriptionId);
    }
}
