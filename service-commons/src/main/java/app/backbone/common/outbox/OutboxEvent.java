package app.backbone.common.outbox;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A message to publish, stored in the transaction of the change it announces and deleted once the broker has
 * it. A service that uses the outbox has the {@code outbox_event} table and sequence in its migrations.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_event_seq")
    @SequenceGenerator(name = "outbox_event_seq", sequenceName = "outbox_event_seq", allocationSize = 50)
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
     * Inserts messages of one topic with one statement, their ids in array order. Each id is a value of the
     * sequence itself: with the sequence's increment of 50, the value {@code v} heads the block {@code v - 49 .. v}
     * that only its taker uses (Hibernate hands out the ids of the blocks it takes), so the two ways of inserting
     * never meet.
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
