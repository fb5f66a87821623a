package app.backbone.logging.messaging;

import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.NewTopic;

import app.backbone.common.messaging.Topics;
import app.backbone.common.messaging.TopicsConfig;

/**
 * The topics of completed sessions. The shared topic is written by Backbone's own services (program-service) only;
 * a chain whose own systems publish sessions gets a topic of its own, {@code training.sessions.completed.tenant.}
 * followed by its tenant id, that only its principal may write (a literal ACL), and the consumer takes the tenant from
 * that name: a record there for another tenant is refused, however its body is signed off.
 */
public class SessionTopics {

    /** Completed sessions from program-service, and the channel that reads every session topic; key = memberId. */
    public static final String COMPLETED = "training.sessions.completed";

    /** A chain's own topic is this prefix and its tenant id. */
    public static final String TENANT_PREFIX = COMPLETED + ".tenant.";

    /** The tenant a topic belongs to: the chain's id for its own topic, empty for the shared one. */
    public static Optional<String> tenantOf(String topic) {
        return topic.startsWith(TENANT_PREFIX) ? Optional.of(topic.substring(TENANT_PREFIX.length()))
                : Optional.empty();
    }

    /** Records of {@link #COMPLETED} that could not be accepted, with the reason in headers. */
    public static final String REJECTED = "training.sessions.completed.dlq";

    @Produces
    @Singleton
    NewTopic rejected(TopicsConfig topics) {
        return Topics.deadLetters(REJECTED, topics);
    }
}
