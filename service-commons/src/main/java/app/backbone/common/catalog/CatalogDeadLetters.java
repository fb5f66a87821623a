package app.backbone.common.catalog;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.NewTopic;

import app.backbone.common.messaging.Topics;
import app.backbone.common.messaging.TopicsConfig;
import io.quarkus.arc.properties.IfBuildProperty;

/** The dead-letter topic of the read model's consumer, {@code catalog.exercises.<group id>.dlq}. */
public class CatalogDeadLetters {

    /** The dead-letter topic's name for a consumer group. */
    public static String topic(String groupId) {
        return CatalogTopic.EXERCISES + "." + groupId + ".dlq";
    }

    @Produces
    @Singleton
    @IfBuildProperty(name = "backbone.catalog-read-model.enabled", stringValue = "true")
    NewTopic catalogDeadLetters(CatalogReadModelConfig config, TopicsConfig topics) {
        return Topics.deadLetters(topic(config.groupId()), topics);
    }
}
