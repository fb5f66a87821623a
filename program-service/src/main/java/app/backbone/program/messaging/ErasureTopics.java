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
 * The erasure topics program-service uses, keyed {@code tenantId/memberId}; they name the member, so they keep
 * records for a bounded time ({@code backbone.program.erasure-topics.retention}, 7 days by default). logging-service
 * creates them too; whichever service starts first creates them as configured.
 */
public class ErasureTopics {

    /** From logging-service: erase a member; value = {@link MemberErasureRequested}. */
    public static final String REQUESTED = "members.erasure-requested";

    /** To logging-service: the member is erased here; value = {@link MemberErasureConfirmed}. */
    public static final String CONFIRMED = "members.erasure-confirmed";

    /** Records of {@link #REQUESTED} that could not be read, as they came, with why in headers. */
    public static final String REQUESTED_DEAD_LETTERS = "members.erasure-requested.program-service.dlq";

    /** The key of a member's records on both topics. */
    public static String key(String tenantId, String memberId) {
        return tenantId + "/" + memberId;
    }

    @Produces
    @Singleton
    NewTopic requested(ProgramConfig config) {
        return retained(Topics.declare(REQUESTED, config.erasureTopics().partitions()), config);
    }

    @Produces
    @Singleton
    NewTopic confirmed(ProgramConfig config) {
        return retained(Topics.declare(CONFIRMED, config.erasureTopics().partitions()), config);
    }

    /** The topic, keeping records for the configured time only. */
    private static NewTopic retained(NewTopic topic, ProgramConfig config) {
        return topic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG,
                String.valueOf(config.erasureTopics().retention().toMillis())));
    }

    @Produces
    @Singleton
    NewTopic requestedDeadLetters(TopicsConfig topics) {
        return Topics.deadLetters(REQUESTED_DEAD_LETTERS, topics);
    }
}
