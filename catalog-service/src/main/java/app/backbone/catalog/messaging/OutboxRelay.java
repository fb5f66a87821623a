package app.backbone.catalog.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import app.backbone.catalog.config.CatalogConfig;
import app.backbone.catalog.domain.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Moves outbox rows to Kafka in id order, deleting them only once the broker has acknowledged every message of
 * the round (acks=all, idempotent producer). A failed round rolls back and is tried again: a message may then be
 * sent twice, which a compacted topic of full states absorbs, but never lost.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MutinyEmitter<String> emitter;
    private final TopicProvisioner topics;
    private final CatalogConfig.Outbox settings;
    private final AtomicBoolean running = new AtomicBoolean(true);

    public OutboxRelay(@Channel(CatalogTopics.EXERCISES) @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = 2048) MutinyEmitter<String> emitter, TopicProvisioner topics, CatalogConfig config) {
        this.emitter = emitter;
        this.topics = topics;
        this.settings = config.outbox();
    }

    @Scheduled(every = "${backbone.catalog.outbox.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayPending() {
        if (!running.get()) {
            return;
        }
        try {
            topics.ensureTopic();
            int sent;
            do {
                sent = relayBatch();
            } while (sent == settings.batchSize() && running.get());
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.warnf("Outbox relay round failed, will retry: %s (%s)", e, cause.getMessage());
        }
    }

    /** Sends one batch and deletes it once acknowledged; returns how many messages it sent. */
    private int relayBatch() {
        return QuarkusTransaction.requiringNew().call(this::sendOldest);
    }

    private int sendOldest() {
        List<OutboxEvent> batch = OutboxEvent.lockOldest(settings.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        List<Uni<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            acks.add(emitter.sendMessage(Message.of(event.payload).addMetadata(
                    OutgoingKafkaRecordMetadata.<String>builder().withKey(event.messageKey).build())));
        }
        Uni.join().all(acks).andFailFast().await().atMost(settings.ackTimeout());
        batch.forEach(OutboxEvent::delete);
        return batch.size();
    }

    /** Stops relaying after the current round, as when the service goes down; rows wait in the outbox. */
    public void stop() {
        running.set(false);
    }

    /** Resumes relaying from the oldest pending row. */
    public void start() {
        running.set(true);
    }
}
