package app.backbone.logging.messaging;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import app.backbone.common.messaging.Topics;
import app.backbone.common.messaging.TopicsConfig;
import app.backbone.logging.config.LoggingConfig;

/**
 * The topics of a member's erasure, all keyed {@code tenantId/memberId}. They name the member, so they keep records
 * only for a bounded time ({@code backbone.logging.erasure.topics.retention}, 7 days by default): long enough for a
 * service that was down to come back and confirm, short enough not to keep the erased member's id around. This
 * service creates all three as configured, program-service the two it uses; whichever starts first creates them.
 */
public class ErasureTopics {

    /** logging-service to every other service holding member data; value = {@link MemberErasureRequested}. */
    public static final String REQUESTED = "members.erasure-requested";

    /** Each service to logging-service; value = {@link MemberErasureConfirmed}. */
    public static final String CONFIRMED = "members.erasure-confirmed";

    /** logging-service, once every service confirmed; value = {@link MemberErased}. */
    public static final String ERASED = "members.erased";

    /** Records of {@link #CONFIRMED} that could not be read, as they came, with why in headers. */
    public static final String CONFIRMED_DEAD_LETTERS = "members.erasure-confirmed.logging-service.dlq";

    /** The three erasure topics. */
    public static final List<String> ALL = List.of(REQUESTED, CONFIRMED, ERASED);

    @Produces
    @Singleton
    NewTopic requested(LoggingConfig config) {
        return retained(Topics.declare(REQUESTED, config.erasure().topics().partitions()), config);
    }

    @Produces
    @Singleton
    NewTopic confirmed(LoggingConfig config) {
        return retained(Topics.declare(CONFIRMED, config.erasure().topics().partitions()), config);
    }

    @Produces
    @Singleton
    NewTopic erased(LoggingConfig config) {
        return retained(Topics.declare(ERASED, config.erasure().topics().partitions()), config);
    }

    /** The topic, keeping records for the configured time only. */
    private static NewTopic retained(NewTopic topic, LoggingConfig config) {
        return topic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG,
                String.valueOf(config.erasure().topics().retention().toMillis())));
    }

    @Produces
    @Singleton
    NewTopic confirmedDeadLetters(TopicsConfig topics) {
        return Topics.deadLetters(CONFIRMED_DEAD_LETTERS, topics);
    }
}
