package app.backbone.common.outbox;

import java.time.Instant;
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

    /**
     * A message read from the outbox to send; a null payload stands for the key's current state. {@code version}
     * is the row version it was read at (PostgreSQL's {@code xmin}), which a later mark of the key changes.
     */
    record Taken(long id, String topic, String key, String payload, String version) {
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
     * Reads the oldest pending messages in id order, without locking them: transactions marking their keys changed
     * meanwhile neither wait for the relay nor are lost, since such a mark changes the row's version and
     * {@link #deleteSent} then leaves it for the next round.
     */
    static List<Taken> oldest(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("SELECT id, topic, message_key, payload, "
                        + "xmin::text FROM outbox_event ORDER BY id LIMIT :limit")
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(row -> new Taken(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                        (String) row[3], (String) row[4]))
                .toList();
    }

    /**
     * Deletes the sent messages whose rows are still at the version they were read at. A mark changed since (its
     * key's state changed after it was rendered), or locked by a transaction about to change it, stays pending and
     * is rendered and sent again, so a key's last record is always its newest state; nothing here waits for a lock.
     */
    static void deleteSent(List<Taken> sent) {
        getEntityManager().createNativeQuery("DELETE FROM outbox_event WHERE id IN (SELECT o.id FROM outbox_event o "
                        + "JOIN unnest(CAST(:ids AS text[]), CAST(:versions AS text[])) AS t(id, version) "
                        + "ON o.id = CAST(t.id AS bigint) WHERE o.xmin::text = t.version FOR UPDATE OF o SKIP LOCKED)")
                .setParameter("ids", sent.stream().map(t -> Long.toString(t.id())).toArray(String[]::new))
                .setParameter("versions", sent.stream().map(Taken::version).toArray(String[]::new))
                .executeUpdate();
    }

    /**
     * Marks the keys' states changed, one row per topic and key at most (payload null), in ascending key order. A
     * row already pending is updated, which changes its version: if the relay has read it and is sending a state
     * older than the caller's, it leaves the row pending for its next round. The table needs a unique index on
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
