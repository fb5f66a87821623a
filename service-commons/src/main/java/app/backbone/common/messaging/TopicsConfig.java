package app.backbone.common.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How every topic a service creates is replicated, under {@code backbone.kafka.topics}; each topic's partition count
 * and retention are the service's own settings. A production cluster wants a replication factor of 3 and
 * {@code min.insync.replicas} of 2, so that a write acknowledged by {@code acks=all} survives the loss of a broker.
 */
@ConfigMapping(prefix = "backbone.kafka.topics")
public interface TopicsConfig {

    /** Replicas of each partition of a topic this service creates. */
    @WithDefault("1")
    short replicationFactor();

    /** Replicas that must hold a write before the broker acknowledges it to an {@code acks=all} producer. */
    @WithDefault("1")
    int minInsyncReplicas();

    /** How long a dead-letter topic keeps the records set aside, long enough for someone to look at them. */
    @WithDefault("P30D")
    Duration deadLetterRetention();
}
