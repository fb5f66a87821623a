package app.backbone.catalog.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import app.backbone.catalog.config.CatalogConfig;

/** Creates the compacted {@value CatalogTopics#EXERCISES} topic before anything is published to it. */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    private final String bootstrapServers;
    private final CatalogConfig.Topic settings;
    private volatile boolean ensured;

    public TopicProvisioner(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            CatalogConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.settings = config.topic();
    }

    /** Creates the topic unless it exists; cheap once it has succeeded. */
    public void ensureTopic() throws InterruptedException, ExecutionException, TimeoutException {
        if (ensured) {
            return;
        }
        NewTopic topic = new NewTopic(CatalogTopics.EXERCISES, settings.partitions(), settings.replicationFactor())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            admin.createTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
            LOG.infof("Created compacted topic %s", CatalogTopics.EXERCISES);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        ensured = true;
    }
}
