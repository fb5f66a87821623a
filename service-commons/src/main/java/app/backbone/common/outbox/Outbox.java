package app.backbone.common.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The transactional outbox: {@link #add} stores an event in the caller's transaction, so the event exists if and
 * only if the change it announces was committed; {@link OutboxRelay} moves stored events to Kafka and deletes them
 * only once the broker has acknowledged them. A failed round rolls back and is tried again, so an event may be
 * sent twice (consumers deduplicate) but is never lost. {@link #addAll} stores many events with one statement;
 * {@link #replace} stores states rather than events: of a topic and key, only the newest state still waiting is
 * sent.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;

    public Outbox(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** An event or state and the key to publish it with. */
    public record Message(String key, Object value) {
    }

    /** Stores the event as JSON, to be published on {@code topic} with {@code key}, in the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String topic, String key, Object event, Instant now) {
        OutboxEvent row = new OutboxEvent();
        row.topic = topic;
        row.messageKey = key;
        row.createdAt = now;
        row.payload = json(topic, event);
        row.persist();
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
    }

    /**
     * Stores the newest state of each key, to be published on {@code topic}, in the current transaction, and drops
     * the states of the same topic and keys still waiting to be sent: a burst of changes to one key sends one
     * record, its last. Meant for compacted topics, whose consumers only need the newest state.
     *
     * <p>Transactions replacing the same key take turns (a transaction-scoped advisory lock per topic and key,
     * taken in one order for all the keys of a call, so that two calls cannot deadlock on them): the later one sees
     * the earlier one's row and drops it, so of committed states only the last one stays pending. A state the relay
     * is sending at that moment is waited for (at most the relay's ack timeout) and then is either gone, sent, or
     * dropped; so states of one key reach the topic in the order they were committed, and the last record of a key
     * is always its newest state. Replace all of a transaction's keys of one topic in one call: keys replaced in
     * separate calls are locked in call order. The service's {@code outbox_event} table needs an index on
     * {@code (topic, message_key)}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(String topic, Map<String, ?> statesByKey, Instant now) {
        if (statesByKey.isEmpty()) {
            return;
        }
        TreeMap<String, ?> sorted = new TreeMap<>(statesByKey);
        String[] keys = sorted.keySet().toArray(String[]::new);
        OutboxEvent.lockKeys(topic, keys);
        OutboxEvent.deletePending(topic, keys);
        OutboxEvent.insertAll(topic, keys, sorted.values().stream().map(state -> json(topic, state))
                .toArray(String[]::new), now);
    }

    private String json(String topic, Object event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise an event for " + topic, e);
        }
    }
}
