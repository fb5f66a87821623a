package app.backbone.program.messaging;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.NewTopic;

import app.backbone.common.messaging.Topics;
import app.backbone.program.config.ProgramConfig;

/** The topics program-service publishes through its outbox, created by the relay as configured. */
public class SessionTopics {

    /** Completed sessions; key = memberId; value = {@link SessionCompleted}. */
    public static final String COMPLETED = "training.sessions.completed";

    @Produces
    @Singleton
    NewTopic completed(ProgramConfig config) {
        return Topics.declare(COMPLETED, config.sessionsTopic().partitions());
    }
}
