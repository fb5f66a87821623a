package app.backbone.common.outbox;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A message to publish, stored in the transaction of the change it announces and deleted once the broker has
 * it. A service that uses the outbox has the {@code outbox_event} table and sequence in its migrations. Rows are
 * only inserted by the statements below, which take each id from the sequence as they insert: ids follow the order
 * in which transactions insert, whichever replica runs them.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public Long id;

    public String topic;

    @Column(name = "message_key")
    public String messageKey;

    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    /** A message taken from the outbox to send; a null payload stands for the key's current state. */
    record Taken(long id, String topic, String key, String payload) {
    }

    /**
     * Takes the database's relay lock until the caller's transaction ends, unless another transaction holds it: only
     * the holder relays, so two replicas never send batches side by side.
     *
     * @return whether the caller now holds it
     */
    static boolean relayLock() {
        return (Boolean) getEntityManager().createNativeQuery(
                "SELECT pg_try_advisory_xact_lock(hashtext('backbone.outbox-relay'))").getSingleResult();
    }

    /**
     * Deletes the oldest pending messages and returns them in id order. The rows stay locked until the caller's
     * transaction ends: concurrent relays skip them, and a transaction marking one of their keys changed waits,
     * then adds a new row. Rolled back, they are pending again.
     */
    static List<Taken> takeOldest(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("DELETE FROM outbox_event WHERE id IN (SELECT id "
                        + "FROM outbox_event ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED) "
                        + "RETURNING id, topic, message_key, payload")
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(row -> new Taken(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                        (String) row[3]))
                .sorted(Comparator.comparingLong(Taken::id))
                .toList();
    }

    /**
     * Marks the keys' states changed, one row per topic and key at most (payload null), in ascending key order. A
     * row already pending is updated, so that it stays locked until the caller commits: the relay cannot take it
     * meanwhile and send a state older than the caller's. The table needs a unique index on
     * {@code (topic, message_key) WHERE payload IS NULL}.
     */
    static void markChanged(String topic, String[] sortedKeys, Instant now) {
        getEntityManager().createNativeQuery("INSERT INTO outbox_event (id, topic, message_key, payload, created_at) "
                        + "SELECT nextval('outbox_event_seq'), :topic, k.key, NULL, :now "
                        + "FROM unnest(CAST(:keys AS text[])) WITH ORDINALITY AS k(key, n) ORDER BY k.n "
                        + "ON CONFLICT (topic, message_key) WHERE payload IS NULL "
                        + "DO UPDATE SET created_at = outbox_event.created_at")
                .setParameter("topic", topic)
                .setParameter("keys", sortedKeys)
                .setParameter("now", now)
                .executeUpdate();
    }

    /**
     * Inserts messages of one topic with one statement, their ids in array order, each the sequence's next value.
     * Of two transactions that insert for one key while each holds a lock on what the key stands for, the later one
     * gets the higher ids, so the relay sends the key's messages in the order they were committed. (The sequence's
     * increment of 50 dates from ids handed out in blocks, which broke that order across replicas; it only leaves
     * gaps now.)
     */
    static void insertAll(String topic, String[] keys, String[] payloads, Instant now) {
        getEntityManager().createNativeQuery("INSERT INTO outbox_event (id, topic, message_key, payload, created_at) "
                        + "SELECT nextval('outbox_event_seq'), :topic, m.key, m.payload, :now "
                        + "FROM unnest(CAST(:keys AS text[]), CAST(:payloads AS text[])) AS m(key, payload)")
                .setParameter("topic", topic)
                .setParameter("keys", keys)
                .setParameter("payloads", payloads)
                .setParameter("now", now)
                .executeUpdate();
    }
}
