package app.backbone.logging.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

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

    /** How member history imports run. */
    Imports imports();

    /** Settings of history imports. */
    interface Imports {

        /** Where uploaded files wait while they are imported; the JVM's temporary directory if absent. */
        Optional<Path> spoolDirectory();

        /** How many imports one instance runs at once; more wait their turn. */
        @WithDefault("2")
        int concurrency();

        /** How many sessions an import stores per transaction. */
        @WithDefault("100")
        int batchSessions();

        /** How many unreadable values an import lists (all are counted). */
        @WithDefault("100")
        int maxErrors();

        /** How long a running import may go without progress before it is reported failed (its instance stopped). */
        @WithDefault("PT2M")
        Duration staleAfter();
    }

    /** A topic's settings at creation. */
    interface Topic {

        @WithDefault("4")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }
}
