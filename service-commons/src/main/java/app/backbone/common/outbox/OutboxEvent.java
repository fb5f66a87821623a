package app.backbone.common.outbox;

import java.time.Instant;
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

    /** The oldest pending messages, locked so that concurrent relays never send one twice at once. */
    @SuppressWarnings("unchecked")
    static List<OutboxEvent> lockOldest(int limit) {
        return getEntityManager()
                .createNativeQuery("SELECT * FROM outbox_event ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED",
                        OutboxEvent.class)
                .setParameter("limit", limit)
                .getResultList();
    }

    /**
     * Takes a transaction-scoped advisory lock per topic and key, in ascending lock order. The locks live in
     * PostgreSQL's single-{@code bigint} key space, apart from the two-{@code int} one services lock in; a topic
     * name has no {@code /}, so topic and key are told apart.
     */
    static void lockKeys(String topic, String[] keys) {
        getEntityManager().createNativeQuery("SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT DISTINCT "
                        + "hashtextextended(:topic || '/' || key, 0) AS k FROM unnest(CAST(:keys AS text[])) AS key "
                        + "ORDER BY k) AS sorted")
                .setParameter("topic", topic)
                .setParameter("keys", keys)
                .getSingleResult();
    }

    /**
     * Deletes the pending messages of a topic with these keys, added ones not yet flushed included, waiting for
     * any the relay is sending.
     */
    static void deletePending(String topic, String[] keys) {
        delete("topic = ?1 and messageKey in ?2", topic, List.of(keys));
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

    /** Deletes the messages with these ids. */
    static void deleteAll(List<Long> ids) {
        delete("id in ?1", ids);
    }
}
