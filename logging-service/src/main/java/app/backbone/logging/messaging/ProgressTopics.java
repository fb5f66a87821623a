package app.backbone.logging.messaging;

import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import app.backbone.common.messaging.Topics;
import app.backbone.logging.config.LoggingConfig;

/** The topics logging-service publishes through its outbox, created by the relay as configured. */
public class ProgressTopics {

    /** Compacted; key = tenantId + "/" + memberId; value = {@link MemberProgress}, the member's newest state. */
    public static final String MEMBER_PROGRESS = "training.member-progress";

    /** Key = tenantId + "/" + memberId, so one member's insights stay in order; value = {@link Insight}. */
    public static final String INSIGHTS = "training.insights";

    /** The key of a member's records on both topics. */
    public static String key(String tenantId, String memberId) {
        return tenantId + "/" + memberId;
    }

    @Produces
    @Singleton
    NewTopic memberProgress(LoggingConfig config) {
        return Topics.declare(MEMBER_PROGRESS, config.progressTopic().partitions())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    @Produces
    @Singleton
    NewTopic insights(LoggingConfig config) {
        return Topics.declare(INSIGHTS, config.insightsTopic().partitions());
    }
}
