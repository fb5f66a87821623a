package app.backbone.logging.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** logging-service settings under {@code backbone.logging}, each overridable by environment variable. */
@ConfigMapping(prefix = "backbone.logging")
public interface LoggingConfig {

    /** How long a batch waits at most for the broker to acknowledge the records it sent to the dead-letter topic. */
    @WithDefault("PT30S")
    Duration rejectAckTimeout();

    /** How long the transaction that recomputes one tenant's figures may take (a rebuild, or at start-up). */
    @WithDefault("PT10M")
    Duration rebuildTimeout();

    /** How the compacted {@code training.member-progress} topic is created when it does not exist. */
    Topic progressTopic();

    /** How the {@code training.insights} topic is created when it does not exist. */
    Topic insightsTopic();

    /** A topic's settings at creation. */
    interface Topic {

        @WithDefault("4")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }
}
