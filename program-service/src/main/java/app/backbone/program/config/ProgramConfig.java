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

    /** How session reports are checked. */
    SessionReports sessionReports();

    interface ProgressTopic {
        @WithDefault("4")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }

    interface SessionsTopic {
        @WithDefault("4")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }

    interface SessionReports {
        /** How far in the future a report's {@code completedAt} may lie, for clocks that are a little ahead. */
        @WithDefault("5m")
        Duration clockSkew();
    }
}
