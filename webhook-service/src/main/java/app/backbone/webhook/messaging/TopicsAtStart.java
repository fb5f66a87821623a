package app.backbone.webhook.messaging;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.NewTopic;
import org.jboss.logging.Logger;

import app.backbone.common.outbox.Topics;
import io.quarkus.runtime.StartupEvent;

/**
 * Creates the consumed topics at start unless they exist, so that the consumers read them from their first record.
 * A broker that cannot be reached leaves them to logging-service, which creates them before it publishes.
 */
@Singleton
public class TopicsAtStart {

    private static final Logger LOG = Logger.getLogger(TopicsAtStart.class);

    void onStart(@Observes StartupEvent event, Instance<NewTopic> consumed, Topics topics) {
        for (NewTopic topic : consumed) {
            try {
                topics.ensure(topic);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("Could not create topic %s: %s", topic.name(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
