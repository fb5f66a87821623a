package app.backbone.logging.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** logging-service settings under {@code backbone.logging}, each overridable by environment variable. */
@ConfigMapping(prefix = "backbone.logging")
public interface LoggingConfig {

    /** How long a batch waits at most for the broker to acknowledge the records it sent to the dead-letter topic. */
    @WithDefault("PT30S")
    Duration rejectAckTimeout();

    /** How rebuilds of the figures run (asked for, or at start-up). */
    Rebuild rebuild();

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

        /** How often an instance marks its queued and running imports alive; well below {@link #staleAfter}. */
        @WithDefault("30s")
        Duration heartbeat();
    }

    /** Settings of figure rebuilds. */
    interface Rebuild {

        /** How long the transaction that recomputes one member may take; that member's ingest waits meanwhile. */
        @WithDefault("PT1M")
        Duration timeout();

        /**
         * How long an instance holds a rebuild job it took up without a sign of life; after that, another instance
         * takes it over where it was.
         */
        @WithDefault("PT1M")
        Duration lease();

        /**
         * How often an instance renews the lease of the job it runs and looks for jobs to take up (new ones, and
         * those of an instance that stopped); well below {@link #lease}.
         */
        @WithDefault("10s")
        Duration heartbeat();

        /** How many times a job is taken up (its instances stopping each time) before it is failed. */
        @WithDefault("3")
        int maxAttempts();
    }

    /** Members' erasures. */
    Erasure erasure();

    /** A topic's settings at creation. */
    interface Topic {

        @WithDefault("4")
        int partitions();
    }

    /** How members' data is erased. */
    interface Erasure {

        /**
         * The secret the audit's member hashes are keyed with (HMAC-SHA256 of {@code tenantId/memberId}); required
         * in the prod profile ({@code BACKBONE_LOGGING_ERASURE_SALT}). Changing it makes earlier erasures unknown to
         * the status endpoint and the late-event check.
         */
        String salt();

        /** The services that erase a member's data and confirm, this one included; a new service is added here. */
        @WithDefault("logging-service,program-service")
        List<String> services();

        /** How the erasure topics are created when they do not exist. */
        Topics topics();

        /** The erasure topics' settings at creation. */
        interface Topics {

            @WithDefault("4")
            int partitions();

            /** How long the topics keep a record: they name the erased member. */
            @WithDefault("P7D")
            Duration retention();
        }
    }
}
