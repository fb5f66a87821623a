package app.backbone.program.messaging;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import app.backbone.common.outbox.Outbox;
import app.backbone.common.outbox.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** Relays stored completed-session events to {@value SessionTopics#COMPLETED} (acks=all, idempotent producer). */
@ApplicationScoped
public class SessionEventRelay {

    private static final Logger LOG = Logger.getLogger(SessionEventRelay.class);
    private static final int BATCH_SIZE = 200;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final MutinyEmitter<String> emitter;
    private final Outbox outbox;
    private final Topics topics;
    private final NewTopic topic;
    private volatile boolean running = true;

    public SessionEventRelay(@Channel(SessionTopics.COMPLETED) @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = 2048) MutinyEmitter<String> emitter, Outbox outbox, Topics topics,
            @ConfigProperty(name = "backbone.program.sessions-topic.partitions", defaultValue = "4") int partitions,
            @ConfigProperty(name = "backbone.program.sessions-topic.replication-factor", defaultValue = "1")
            short replicationFactor) {
        this.emitter = emitter;
        this.outbox = outbox;
        this.topics = topics;
        this.topic = new NewTopic(SessionTopics.COMPLETED, partitions, replicationFactor);
    }

    @Scheduled(every = "1s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayPending() {
        if (!running) {
            return;
        }
        try {
            topics.ensure(topic);
            while (running && outbox.relayBatch(SessionTopics.COMPLETED, emitter, BATCH_SIZE, ACK_TIMEOUT)
                    == BATCH_SIZE) {
                LOG.debug("Relayed a full batch of completed sessions");
            }
        } catch (Exception e) {
            LOG.warnf("Session event relay round failed, will retry: %s", e);
        }
    }

    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        running = false;
    }
}
