package app.backbone.catalog.messaging;

import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import app.backbone.common.messaging.Topics;
import app.backbone.catalog.config.CatalogConfig;

/** The topics catalog-service publishes through its outbox, created by the relay as configured. */
public class CatalogTopics {

    /** Compacted; key = exercise id; value = {@link ExerciseChanged}, the full current state. */
    public static final String EXERCISES = "catalog.exercises";

    @Produces
    @Singleton
    NewTopic exercises(CatalogConfig config) {
        return Topics.declare(EXERCISES, config.topic().partitions())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }
}
