package app.backbone.system;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Publishes completed sessions straight to {@value CompletedSession#TOPIC} (key = memberId), as a chain's own
 * system would, with an idempotent producer that waits for every replica and rides out a broker restart.
 */
public final class SessionPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final String tenant;
    private final List<CompletableFuture<Void>> sends = new ArrayList<>();

    public SessionPublisher(String bootstrapServers, String tenant) {
        this(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), CompletedSession.TOPIC, tenant);
    }

    /**
     * Publishes the tenant's sessions to {@code topic} (the shared one, or a chain's own), connecting with these
     * client settings (bootstrap servers, and SASL where the broker wants it).
     */
    public SessionPublisher(Map<String, Object> connection, String topic, String tenant) {
        this.topic = topic;
        this.tenant = tenant;
        Map<String, Object> settings = new HashMap<>(connection);
        settings.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 180_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 180_000,
                ProducerConfig.LINGER_MS_CONFIG, 5));
        this.producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
    }

    /** The event of a session under a new event id, as JSON. */
    public String event(CompletedSession session) {
        try {
            return Api.JSON.writeValueAsString(session.event(UUID.randomUUID(), tenant, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends an event without waiting; {@link #awaitAcks()} waits for all sent so far. */
    public void send(String memberId, String event) {
        send(topic, memberId, event);
    }

    /** Sends a record to another topic the same way, as the service that owns that topic would. */
    public void send(String topic, String key, String value) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, failure) -> {
            if (failure == null) {
                acked.complete(null);
            } else {
                acked.completeExceptionally(failure);
            }
        });
        synchronized (sends) {
            sends.add(acked);
        }
    }

    /** Waits until the broker acknowledged every event sent; fails if one could not be delivered. */
    public void awaitAcks() throws Exception {
        producer.flush();
        List<CompletableFuture<Void>> pending;
        synchronized (sends) {
            pending = List.copyOf(sends);
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        producer.close();
    }
}
