package app.backbone.webhook.messaging;

import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import app.backbone.common.messaging.Topics;
import app.backbone.common.messaging.TopicsConfig;
import app.backbone.webhook.config.WebhookConfig;

/**
 * The topics webhook-service consumes, keyed {@code tenantId/memberId}. logging-service publishes them and creates
 * them too; whichever service starts first creates them as configured (the common {@code TopicSetup}), the other
 * checks them.
 */
public class WebhookTopics {

    /** From logging-service: records beaten and deloads recommended; value = {@link Insight}. */
    public static final String INSIGHTS = "training.insights";

    /** From logging-service: every service has erased a member; value = {@link MemberErased}. */
    public static final String ERASED = "members.erased";

    /** Records of {@link #INSIGHTS} that could not be read, as they came, with why in headers. */
    public static final String INSIGHTS_DEAD_LETTERS = "training.insights.webhook-service.dlq";

    /** Records of {@link #ERASED} that could not be read, as they came, with why in headers. */
    public static final String ERASED_DEAD_LETTERS = "members.erased.webhook-service.dlq";

    @Produces
    @Singleton
    NewTopic insights(WebhookConfig config) {
        return Topics.declare(INSIGHTS, config.topics().partitions());
    }

    @Produces
    @Singleton
    NewTopic erased(WebhookConfig config) {
        return Topics.declare(ERASED, config.topics().partitions())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG,
                        String.valueOf(config.topics().erasedRetention().toMillis())));
    }

    @Produces
    @Singleton
    NewTopic insightsDeadLetters(TopicsConfig topics) {
        return Topics.deadLetters(INSIGHTS_DEAD_LETTERS, topics);
    }

    @Produces
    @Singleton
    NewTopic erasedDeadLetters(TopicsConfig topics) {
        return Topics.deadLetters(ERASED_DEAD_LETTERS, topics);
    }
}
