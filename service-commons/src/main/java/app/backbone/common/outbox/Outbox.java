package app.backbone.common.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * The transactional outbox: {@link #add} stores an event in the caller's transaction, {@link #relayBatch} moves
 * stored events to Kafka in id order and deletes them only once the broker has acknowledged all of them. A failed
 * round rolls back and is tried again, so an event may be sent twice (consumers deduplicate) but is never lost.
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

    /**
     * Sends the oldest pending events of the emitter's topic and deletes them once acknowledged, in its own
     * transaction.
     *
     * @return how many events were sent
     */
    public int relayBatch(String topic, MutinyEmitter<String> emitter, int batchSize, Duration ackTimeout) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxEvent> batch = OutboxEvent.lockOldest(topic, batchSize);
            if (batch.isEmpty()) {
                return 0;
            }
            // The rows stay locked while the transaction is suspended, and the producer's threads never see it.
            QuarkusTransaction.suspendingExisting().run(() -> {
                List<Uni<Void>> acks = new ArrayList<>(batch.size());
                for (OutboxEvent event : batch) {
                    acks.add(emitter.sendMessage(Message.of(event.payload).addMetadata(
                            OutgoingKafkaRecordMetadata.<String>builder().withKey(event.messageKey).build())));
                }
                Uni.join().all(acks).andFailFast().await().atMost(ackTimeout);
            });
            batch.forEach(OutboxEvent::delete);
            return batch.size();
        });
    }

    /** How many events of the topic wait to be relayed. */
    public long pending(String topic) {
        return QuarkusTransaction.joiningExisting().call(() -> OutboxEvent.count("topic", topic));
    }
}
