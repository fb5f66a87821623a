package app.backbone.common.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The outbox relay's settings, under {@code backbone.outbox}. */
@ConfigMapping(prefix = "backbone.outbox")
public interface OutboxConfig {

    /** Whether the service has {@link OutboxRelay} (a build-time choice). */
    @WithName("relay.enabled")
    @WithDefault("false")
    boolean relayEnabled();

    /** Pause between relay rounds, as a duration like {@code 1s}. */
    @WithDefault("1s")
    String interval();

    /** Messages sent per round trip to the broker; a full batch is followed at once by the next. */
    @WithDefault("200")
    int batchSize();

    /** How long a batch waits for the broker's acknowledgements before the round gives up and retries. */
    @WithDefault("30s")
    Duration ackTimeout();

    /** The relay's producer compression ({@code none}, {@code gzip}, {@code snappy}, {@code lz4}, {@code zstd}). */
    @WithDefault("lz4")
    String compression();

    /**
     * The relay producer's transactional id, the same on every replica of the service (a replica that takes over
     * the relay fences the one before it and aborts what it left open) and different for every service and every
     * deployment sharing the Kafka cluster.
     */
    @WithName("transactional-id")
    @WithDefault("${quarkus.application.name}-outbox-relay")
    String transactionalId();

    /**
     * How soon after a transaction of this replica that stored messages commits the relay runs a round for them
     * (the commits meanwhile join that round); zero leaves them to the scheduled rounds.
     */
    @WithName("wake-delay")
    @WithDefault("20ms")
    Duration wakeDelay();

    /** How long the relay's producer waits to fill a batch. */
    @WithDefault("5ms")
    Duration linger();
}
