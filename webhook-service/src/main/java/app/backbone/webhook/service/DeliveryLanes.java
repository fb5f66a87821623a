package app.backbone.webhook.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Keeps {@code webhook_lane} true to the pending deliveries: per subscription and member, the one to send next and
 * when it may be taken. Every change to a delivery's pending state ends with a call here, in the same transaction.
 * The lane's row is locked before the deliveries are read, so a delivery made due by a transaction that committed
 * meanwhile is seen: two changes to one lane never leave it pointing at nothing while a delivery waits.
 */
@ApplicationScoped
public class DeliveryLanes {

    /** The lane of deliveries about no member. */
    public static final String NO_MEMBER = "";

    private static final String LOCK = "INSERT INTO webhook_lane (subscription_id, member_key) VALUES (?1, ?2) "
            + "ON CONFLICT (subscription_id, member_key) DO UPDATE SET head_id = webhook_lane.head_id";
    private static final String RECOMPUTE = "WITH head AS ("
            + " SELECT d.id, greatest(d.next_attempt_at, (SELECT max(p.leased_until) FROM webhook_delivery p"
            + "  WHERE p.status = 'PENDING' AND p.subscription_id = ?1 AND coalesce(p.member_key, '') = ?2)) AS due_at"
            + " FROM webhook_delivery d WHERE d.status = 'PENDING' AND d.subscription_id = ?1"
            + " AND coalesce(d.member_key, '') = ?2 ORDER BY d.seq LIMIT 1), "
            + "emptied AS (DELETE FROM webhook_lane WHERE subscription_id = ?1 AND member_key = ?2"
            + " AND NOT EXISTS (SELECT 1 FROM head)) "
            + "UPDATE webhook_lane l SET head_id = head.id, due_at = head.due_at FROM head"
            + " WHERE l.subscription_id = ?1 AND l.member_key = ?2";

    private final EntityManager entityManager;

    public DeliveryLanes(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Sets the lane of this subscription and member from its pending deliveries, after pending changes are flushed. */
    public void refresh(UUID subscriptionId, String memberKey) {
        entityManager.flush();
        String lane = memberKey == null ? NO_MEMBER : memberKey;
        entityManager.createNativeQuery(LOCK).setParameter(1, subscriptionId).setParameter(2, lane).executeUpdate();
        entityManager.createNativeQuery(RECOMPUTE).setParameter(1, subscriptionId).setParameter(2, lane)
                .executeUpdate();
    }

    /** Closes every lane of a subscription whose pending deliveries were all given up. */
    public void closeAll(UUID subscriptionId) {
        entityManager.createNativeQuery("DELETE FROM webhook_lane WHERE subscription_id = ?1")
                .setParameter(1, subscriptionId).executeUpdate();
    }
}
