package app.backbone.common.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.quarkus.arc.All;
import io.quarkus.scheduler.Scheduled;

/**
 * Creates or checks every topic the service declares ({@link NewTopic} beans) from its start on, every few seconds
 * until all are done, so that consumers find their topics and dead-letter topics as configured. A broker that cannot
 * be reached only delays this; a topic that exists as the service cannot use ({@link TopicMismatchException}) makes
 * the service not ready, with the reason in its readiness data, until whoever runs the cluster fixes it.
 */
@Readiness
@ApplicationScoped
public class TopicSetup implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    private final Topics topics;
    private final List<NewTopic> declared;
    private final Map<String, String> pending = new ConcurrentHashMap<>();
    private final Map<String, String> mismatched = new ConcurrentHashMap<>();

    public TopicSetup(Topics topics, @All List<NewTopic> declared) {
        this.topics = topics;
        this.declared = declared;
        declared.forEach(topic -> pending.put(topic.name(), "not created or checked yet"));
    }

    @Scheduled(every = "${backbone.kafka.topics.setup-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void untilDone() {
        for (NewTopic topic : declared) {
            if (!pending.containsKey(topic.name())) {
                continue;
            }
            try {
                topics.ensure(topic);
                pending.remove(topic.name());
                mismatched.remove(topic.name());
            } catch (TopicMismatchException e) {
                if (mismatched.put(topic.name(), e.getMessage()) == null) {
                    LOG.error(e.getMessage());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                pending.put(topic.name(), String.valueOf(cause.getMessage()));
                LOG.debugf("Topic %s not created or checked yet: %s", topic.name(), cause.getMessage());
            }
        }
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Kafka topics as configured")
                .status(mismatched.isEmpty());
        mismatched.forEach(response::withData);
        pending.forEach((topic, why) -> {
            if (!mismatched.containsKey(topic)) {
                response.withData(topic, "pending: " + why);
            }
        });
        return response.build();
    }
}
