package app.backbone.common.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jboss.logging.Logger;

/**
 * Creates the topics a service publishes to or consumes, each as the service declares it (a {@link NewTopic} bean:
 * name, partitions, cleanup policy, retention) and replicated as {@link TopicsConfig} says. A topic that exists
 * already is checked instead: a different partition count or cleanup policy is a {@link TopicMismatchException}, a
 * lower replication factor a warning. Nothing here relies on the broker creating topics on first use.
 */
@ApplicationScoped
public class Topics {

    private static final Logger LOG = Logger.getLogger(Topics.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KafkaAdmins admins;
    private final TopicsConfig config;
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    public Topics(KafkaAdmins admins, TopicsConfig config) {
        this.admins = admins;
        this.config = config;
    }

    /** A topic of this many partitions, replicated as {@link TopicsConfig} says when {@link #ensure}d. */
    public static NewTopic declare(String name, int partitions) {
        return new NewTopic(name, Optional.of(partitions), Optional.empty());
    }

    /** A dead-letter topic: one partition, kept for {@link TopicsConfig#deadLetterRetention()}. */
    public static NewTopic deadLetters(String name, TopicsConfig config) {
        return new NewTopic(name, Optional.of(1), Optional.empty()).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG,
                String.valueOf(config.deadLetterRetention().toMillis())));
    }

    /**
     * Creates the topic unless it exists, else checks it; cheap once it has succeeded.
     *
     * @throws TopicMismatchException if the topic exists with another partition count or cleanup policy
     */
    public void ensure(NewTopic declared) throws InterruptedException, ExecutionException, TimeoutException {
        if (ensured.contains(declared.name())) {
            return;
        }
        NewTopic topic = replicated(declared);
        try (Admin admin = admins.create(TIMEOUT)) {
            try {
                admin.createTopics(List.of(topic)).all().get(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
                LOG.infof("Created topic %s: %d partition(s), replication factor %d, %s", topic.name(),
                        topic.numPartitions(), topic.replicationFactor(), topic.configs());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                check(admin, topic);
            }
        }
        ensured.add(topic.name());
    }

    private NewTopic replicated(NewTopic declared) {
        Map<String, String> configs = new HashMap<>(declared.configs() == null ? Map.of() : declared.configs());
        configs.putIfAbsent(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(config.minInsyncReplicas()));
        short replicationFactor = declared.replicationFactor() > 0 ? declared.replicationFactor()
                : config.replicationFactor();
        return new NewTopic(declared.name(), declared.numPartitions(), replicationFactor).configs(configs);
    }

    private void check(Admin admin, NewTopic topic) throws InterruptedException, ExecutionException,
            TimeoutException {
        TopicDescription description = describe(admin, topic.name());
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
        Config existing = admin.describeConfigs(List.of(resource)).all()
                .get(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS).get(resource);
        int partitions = description.partitions().size();
        ConfigEntry policyEntry = existing.get(TopicConfig.CLEANUP_POLICY_CONFIG);
        Set<String> policy = policies(policyEntry == null ? null : policyEntry.value());
        Set<String> wanted = policies(topic.configs().get(TopicConfig.CLEANUP_POLICY_CONFIG));
        if (partitions != topic.numPartitions() || !policy.equals(wanted)) {
            throw new TopicMismatchException(String.format("Topic %s exists with %d partition(s) and cleanup.policy "
                    + "%s, but this service is configured for %d partition(s) and cleanup.policy %s. Keys would be "
                    + "spread differently or records lost to the wrong policy: recreate the topic as configured, or "
                    + "configure this service for the topic as it is.", topic.name(), partitions,
                    String.join(",", policy), topic.numPartitions(), String.join(",", wanted)));
        }
        int replicas = description.partitions().get(0).replicas().size();
        if (replicas < topic.replicationFactor()) {
            LOG.warnf("Topic %s exists with replication factor %d, lower than the %d configured; a broker's loss may "
                    + "lose what it held", topic.name(), replicas, topic.replicationFactor());
        }
    }

    /** The topic as the brokers describe it, once its creation (maybe by another replica just now) has reached them. */
    private static TopicDescription describe(Admin admin, String name) throws InterruptedException,
            ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                return admin.describeTopics(List.of(name)).allTopicNames().get(TIMEOUT.toSeconds() + 5,
                        TimeUnit.SECONDS).get(name);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    private static Set<String> policies(String value) {
        Set<String> policies = new TreeSet<>();
        for (String policy : (value == null ? TopicConfig.CLEANUP_POLICY_DELETE : value).split(",")) {
            if (!policy.isBlank()) {
                policies.add(policy.trim());
            }
        }
        return policies;
    }
}
