package app.backbone.common.outbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The transactional outbox: {@link #add} stores an event in the caller's transaction, so the event exists if and
 * only if the change it announces was committed; {@link OutboxRelay} moves stored events to Kafka and deletes them
 * only once the broker has acknowledged them. A failed round rolls back and is tried again, so an event may be
 * sent twice (consumers deduplicate) but is never lost.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;

    public Outbox(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Stores the event as JSON, to be published on {@code topic} with {@code key}, in the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String topic, String key, Object event, Instant now) {
        OutboxEvent row = new OutboxEvent();
        row.topic = topic;
        row.messageKey = key;
        row.createdAt = now;
        try {
            row.payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise an event for " + topic, e);
        }
        row.persist();
    }
}
