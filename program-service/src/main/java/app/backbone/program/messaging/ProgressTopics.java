package app.backbone.program.messaging;

import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import app.backbone.common.messaging.Topics;
import app.backbone.common.messaging.TopicsConfig;
import app.backbone.program.config.ProgramConfig;

/**
 * The compacted topic program-service learns members' progress from. logging-service creates it too; whichever
 * service starts first creates it as configured, so it is never left to the broker's default settings.
 */
public class ProgressTopics {

    /** Members' current progress; key = tenantId + "/" + memberId; value = {@link MemberProgress}. */
    public static final String MEMBER_PROGRESS = "training.member-progress";

    /** Records of {@link #MEMBER_PROGRESS} that could not be used, as they came, with why in headers. */
    public static final String DEAD_LETTERS = "training.member-progress.program-service.dlq";

    @Produces
    @Singleton
    NewTopic memberProgress(ProgramConfig config) {
        return Topics.declare(MEMBER_PROGRESS, config.progressTopic().partitions())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    @Produces
    @Singleton
    NewTopic progressDeadLetters(TopicsConfig topics) {
        return Topics.deadLetters(DEAD_LETTERS, topics);
    }
}
