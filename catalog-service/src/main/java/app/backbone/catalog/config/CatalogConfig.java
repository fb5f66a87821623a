package app.backbone.catalog.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** catalog-service settings under {@code backbone.catalog}. */
@ConfigMapping(prefix = "backbone.catalog")
public interface CatalogConfig {

    /** The relay that moves outbox rows to Kafka. */
    Outbox outbox();

    /** How the {@code catalog.exercises} topic is created when it does not exist. */
    Topic topic();

    interface Outbox {
        /** Pause between relay rounds, as a duration like {@code 1s}. */
        @WithDefault("1s")
        String interval();

        /** Messages sent per relay round. */
        @WithDefault("200")
        int batchSize();

        /** How long a round waits for the broker's acknowledgements before it gives up and retries. */
        @WithDefault("30s")
        Duration ackTimeout();
    }

    interface Topic {
        @WithDefault("4")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }
}
