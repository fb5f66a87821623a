package app.backbone.common.outbox;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The transactional outbox: {@link #add} stores an event in the caller's transaction, so the event exists if and
 * only if the change it announces was committed; {@link OutboxRelay} moves stored events to Kafka and deletes them
 * only once the broker has acknowledged them. A failed round rolls back and is tried again, so an event may be
 * sent twice (consumers deduplicate) but is never lost. {@link #addAll} stores many events with one statement;
 * {@link #changed} marks states changed rather than storing them: the relay sends the newest when it gets there.
 * Each fires {@link OutboxStored}, which wakes this replica's relay once the transaction has committed.
 */
@ApplicationScoped
public class Outbox {

    private static final OutboxStored STORED = new OutboxStored();

    private final ObjectMapper mapper;
    private final Event<OutboxStored> stored;

    public Outbox(ObjectMapper mapper, Event<OutboxStored> stored) {
        this.mapper = mapper;
        this.stored = stored;
    }

    /** An event or state and the key to publish it with. */
    public record Message(String key, Object value) {
    }

    /** Stores the event as JSON, to be published on {@code topic} with {@code key}, in the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String topic, String key, Object event, Instant now) {
        OutboxEvent.insertAll(topic, new String[] {key}, new String[] {json(topic, event)}, now);
        stored.fire(STORED);
    }

    /**
     * Stores the events as JSON, to be published on {@code topic} in list order, in the current transaction, with
     * one statement whatever their number.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addAll(String topic, List<Message> events, Instant now) {
        if (events.isEmpty()) {
            return;
        }
        OutboxEvent.insertAll(topic, events.stream().map(Message::key).toArray(String[]::new),
                events.stream().map(e -> json(topic, e.value())).toArray(String[]::new), now);
        stored.fire(STORED);
    }

    /**
     * Marks the current state of each key changed, in the current transaction: the relay sends it on {@code topic} as
     * the topic's {@link StateRenderer} renders it when sending, from what is committed then. Of a topic and key one
     * mark waits at most, so a burst of changes to one key sends one record, with the newest state; a change committed
     * while the relay sends the key's state changes the mark, which then stays for the relay's next round, so the last
     * record of a key is always its newest state. Meant for compacted topics, whose consumers only need the newest
     * state. The service's {@code outbox_event.payload} must be nullable, with a unique index on {@code (topic,
     * message_key) WHERE payload IS NULL}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(String topic, Collection<String> keys, Instant now) {
        if (keys.isEmpty()) {
            return;
        }
        OutboxEvent.markChanged(topic, new TreeSet<>(keys).toArray(String[]::new), now);
        stored.fire(STORED);
    }

    private String json(String topic, Object event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise an event for " + topic, e);
        }
    }
}
