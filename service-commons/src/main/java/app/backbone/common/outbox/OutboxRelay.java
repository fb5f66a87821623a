package app.backbone.common.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import app.backbone.common.messaging.Topics;
import io.quarkus.arc.All;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;

/**
 * Moves the outbox to Kafka, in rounds every {@code backbone.outbox.interval} and soon after each commit of this
 * replica that stored messages ({@code backbone.outbox.wake-delay}). Each round it creates the service's topics (its
 * {@link NewTopic} beans) unless they exist, then, unless another replica's relay is at it (one relay per database at a
 * time, so each key's messages reach Kafka in id order and a state rendered later is never sent before an older one),
 * reads the oldest pending events without locking them (a change committed meanwhile never waits for a Kafka round
 * trip), renders the states marked changed among them with the topic's {@link StateRenderer}, sends them in id order in
 * one Kafka transaction ({@link OutboxPublisher}, {@code acks=all}, built from the service's Kafka configuration with
 * the relay's transactional id, shared by the service's replicas), and once the broker has acknowledged every one
 * deletes those still as they were read (a state marked changed again since stays, to be rendered and sent anew) and
 * commits. A round that fails closes the producer at once, leaving its Kafka transaction to be aborted, and rolls back,
 * so its events are sent again by the next one: never lost, maybe sent twice, and what an abandoned producer still gets
 * to the broker is never seen by consumers that read committed records, so it never lands behind a newer record of its
 * key. A producer fenced by another replica's is replaced once within the round. Present in services built with {@code
 * backbone.outbox.relay.enabled=true}.
 */
@ApplicationScoped
@IfBuildProperty(name = "backbone.outbox.relay.enabled", stringValue = "true")
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /**
     * A round's transaction outlasts its sends (at most the ack timeout, plus one send blocked for as long): rolled
     * back by its timeout while it still sent, it would let another replica relay the same keys meanwhile.
     */
    private static final Duration TRANSACTION_MARGIN = Duration.ofSeconds(60);

    private final OutboxConfig config;
    private final Topics topics;
    private final Map<String, Object> producerConfig;
    private final List<NewTopic> newTopics;
    private final Map<String, StateRenderer> renderers = new HashMap<>();
    private final int transactionTimeoutSeconds;
    private final long wakeDelayNanos;
    private final AtomicBoolean wakeDue = new AtomicBoolean();
    private final ScheduledExecutorService waker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay-waker");
        thread.setDaemon(true);
        return thread;
    });
    private OutboxPublisher publisher;
    private volatile boolean running = true;
    private volatile boolean lastRoundFailed;

    public OutboxRelay(OutboxConfig config, Topics topics, @All List<NewTopic> newTopics,
            @All List<StateRenderer> renderers, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.config = config;
        this.topics = topics;
        this.producerConfig = new HashMap<>(kafkaConfig);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression());
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, (int) config.linger().toMillis());
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.ackTimeout().toMillis());
        producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        producerConfig.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                (int) config.ackTimeout().multipliedBy(2).toMillis());
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.newTopics = newTopics;
        this.wakeDelayNanos = config.wakeDelay().toNanos();
        this.transactionTimeoutSeconds = (int) config.ackTimeout().multipliedBy(2).plus(TRANSACTION_MARGIN).toSeconds();
        renderers.forEach(renderer -> this.renderers.put(renderer.topic(), renderer));
    }

    /** The identity of the relay's scheduled job, through which its rounds can be observed. */
    public static final String JOB = "outbox-relay";

    @Scheduled(identity = JOB, every = "${backbone.outbox.interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void relayPending() {
        try {
            for (NewTopic topic : newTopics) {
                topics.ensure(topic);
            }
            while (running && relayBatch() == config.batchSize()) {
                LOG.debug("Relayed a full batch; relaying the next at once");
            }
            lastRoundFailed = false;
        } catch (Exception e) {
            lastRoundFailed = true;
            closePublisher();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.warnf("Outbox relay round failed, will retry: %s (%s)", e, cause.getMessage());
        }
    }

    /**
     * Runs a round soon after a transaction of this replica stored messages, unless one is already due: the commits
     * until it starts join it. A round on another replica holding the relay lock meanwhile, or a failed last round
     * (the broker away), leaves them to the next scheduled round.
     */
    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxStored stored) {
        if (wakeDelayNanos > 0 && running && !lastRoundFailed && wakeDue.compareAndSet(false, true)) {
            waker.schedule(() -> {
                wakeDue.set(false);
                relayPending();
            }, wakeDelayNanos, TimeUnit.NANOSECONDS);
        }
    }

    private int relayBatch() {
        if (!running) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().timeout(transactionTimeoutSeconds).call(() -> {
            if (!OutboxEvent.relayLock()) {
                return 0;
            }
            List<OutboxEvent.Taken> batch = OutboxEvent.oldest(config.batchSize());
            if (batch.isEmpty()) {
                return 0;
            }
            List<OutboxEvent.Taken> rendered = rendered(batch);
            for (int attempt = 1;; attempt++) {
                try {
                    publisher().publish(rendered);
                    OutboxEvent.deleteSent(batch);
                    return batch.size();
                } catch (Exception e) {
                    // Its Kafka transaction stays open until the next producer with the relay's id aborts it.
                    closePublisher();
                    if (attempt == 2 || !OutboxPublisher.fenced(e)) {
                        throw e;
                    }
                    LOG.debug("The relay's producer was fenced by another replica's; sending with a new one");
                }
            }
        });
    }

    /** The batch with each marked state replaced by the key's current state, read in this transaction. */
    private List<OutboxEvent.Taken> rendered(List<OutboxEvent.Taken> batch) {
        Map<String, Set<String>> marked = new HashMap<>();
        batch.stream().filter(event -> event.payload() == null)
                .forEach(event -> marked.computeIfAbsent(event.topic(), t -> new HashSet<>()).add(event.key()));
        if (marked.isEmpty()) {
            return batch;
        }
        Map<String, Map<String, String>> states = new HashMap<>();
        marked.forEach((topic, keys) -> {
            StateRenderer renderer = renderers.get(topic);
            if (renderer == null) {
                throw new IllegalStateException("No StateRenderer for " + topic + ", whose states are marked changed");
            }
            states.put(topic, renderer.render(keys));
        });
        return batch.stream().map(event -> event.payload() != null ? event : new OutboxEvent.Taken(event.id(),
                event.topic(), event.key(), states.get(event.topic()).get(event.key()), event.version())).toList();
    }

    private OutboxPublisher publisher() {
        if (publisher == null) {
            publisher = new OutboxPublisher(new KafkaProducer<>(producerConfig), config.ackTimeout());
        }
        return publisher;
    }

    private synchronized void closePublisher() {
        if (publisher != null) {
            publisher.close();
            publisher = null;
        }
    }

    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        stop();
        waker.shutdownNow();
        closePublisher();
    }

    /** Stops relaying after the current batch, as when the service goes down; events wait in the outbox. */
    public void stop() {
        running = false;
    }

    /** Resumes relaying from the oldest pending event. */
    public void start() {
        running = true;
    }
}
