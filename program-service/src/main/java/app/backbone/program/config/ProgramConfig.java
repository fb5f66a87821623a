package app.backbone.program.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** program-service settings under {@code backbone.program}. */
@ConfigMapping(prefix = "backbone.program")
public interface ProgramConfig {

    /** How the {@code training.sessions.completed} topic is created when it does not exist. */
    SessionsTopic sessionsTopic();

    interface SessionsTopic {
        @WithDefault("4")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }
}
