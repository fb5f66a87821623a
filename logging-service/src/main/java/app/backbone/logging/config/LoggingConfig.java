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
}
