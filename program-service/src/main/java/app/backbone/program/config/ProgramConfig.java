package app.backbone.program.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** program-service settings under {@code backbone.program}. */
@ConfigMapping(prefix = "backbone.program")
public interface ProgramConfig {

    /** How the {@code training.sessions.completed} topic is created when it does not exist. */
    SessionsTopic sessionsTopic();

    /** How the compacted {@code training.member-progress} topic is created when it does not exist. */
    ProgressTopic progressTopic();

    /** How the erasure topics are created when they do not exist. */
    ErasureTopics erasureTopics();

    /** How session reports are checked. */
    SessionReports sessionReports();

    interface ProgressTopic {
        @WithDefault("4")
        int partitions();
    }

    interface SessionsTopic {
        @WithDefault("4")
        int partitions();
    }

    interface ErasureTopics {
        @WithDefault("4")
        int partitions();

        /** How long the topics keep a record: they name the erased member. */
        @WithDefault("P7D")
        Duration retention();
    }

    interface SessionReports {
        /** How far in the future a report's {@code completedAt} may lie, for clocks that are a little ahead. */
        @WithDefault("5m")
        Duration clockSkew();
    }
}
