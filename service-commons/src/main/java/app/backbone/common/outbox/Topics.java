package app.backbone.common.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import app.backbone.common.messaging.KafkaAdmins;

/** Creates the topics a service publishes to before the first message goes out. */
@ApplicationScoped
public class Topics {

    private static final Logger LOG = Logger.getLogger(Topics.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KafkaAdmins admins;
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    public Topics(KafkaAdmins admins) {
        this.admins = admins;
    }

    /** Creates the topic unless it exists; cheap once it has succeeded. */
    public void ensure(NewTopic topic) throws InterruptedException, ExecutionException, TimeoutException {
        if (ensured.contains(topic.name())) {
            return;
        }
        try (Admin admin = admins.create(TIMEOUT)) {
            admin.createTopics(List.of(topic)).all().get(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
            LOG.infof("Created topic %s with %s", topic.name(), topic.configs());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        ensured.add(topic.name());
    }
}
