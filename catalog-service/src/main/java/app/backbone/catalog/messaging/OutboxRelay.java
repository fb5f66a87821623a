package app.backbone.catalog.messaging;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import app.backbone.catalog.config.CatalogConfig;
import app.backbone.common.outbox.Outbox;
import app.backbone.common.outbox.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Relays the outbox to {@value CatalogTopics#EXERCISES} every round (acks=all, idempotent producer). A repeated
 * message is a state the compacted topic already holds, so consumers see no difference; nothing is lost.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MutinyEmitter<String> emitter;
    private final Outbox outbox;
    private final Topics topics;
    private final NewTopic topic;
    private final CatalogConfig.Outbox settings;
    private final AtomicBoolean running = new AtomicBoolean(true);

    public OutboxRelay(@Channel(CatalogTopics.EXERCISES) @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = 2048) MutinyEmitter<String> emitter, Outbox outbox, Topics topics,
            CatalogConfig config) {
        this.emitter = emitter;
        this.outbox = outbox;
        this.topic = new NewTopic(CatalogTopics.EXERCISES, config.topic().partitions(),
                config.topic().replicationFactor())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        this.topics = topics;
        this.settings = config.outbox();
    }

    @Scheduled(every = "${backbone.catalog.outbox.interval}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayPending() {
        if (!running.get()) {
            return;
        }
        try {
            topics.ensure(topic);
            int sent;
            do {
                sent = relayBatch();
            } while (sent == settings.batchSize() && running.get());
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.warnf("Outbox relay round failed, will retry: %s (%s)", e, cause.getMessage());
        }
    }

    private int relayBatch() {
        return outbox.relayBatch(CatalogTopics.EXERCISES, emitter, settings.batchSize(), settings.ackTimeout());
    }

    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        stop();
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
