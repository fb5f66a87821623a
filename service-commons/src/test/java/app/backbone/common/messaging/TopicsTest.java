package app.backbone.common.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.backbone.embedded.EmbeddedKafka;

/** Topics created as declared, and existing ones checked, against a real broker. */
class TopicsTest {

    private static final TopicsConfig CONFIG = new TopicsConfig() {
        @Override
        public short replicationFactor() {
            return 1;
        }

        @Override
        public int minInsyncReplicas() {
            return 1;
        }

        @Override
        public Duration deadLetterRetention() {
            return Duration.ofDays(30);
        }
    };

    @TempDir
    static Path dataDir;

    private static EmbeddedKafka kafka;
    private static Admin admin;
    private static Topics topics;

    @BeforeAll
    static void startKafka() throws IOException {
        kafka = EmbeddedKafka.start(dataDir, 0, 0);
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        admin = Admin.create(config);
        topics = new Topics(new KafkaAdmins(config), CONFIG);
    }

    @AfterAll
    static void stopKafka() {
        admin.close();
        kafka.close();
    }

    @Test
    void aNewTopicGetsItsPartitionsPolicyAndReplicationSettings() throws Exception {
        topics.ensure(Topics.declare("topics-test.states", 3)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));

        assertEquals(3, partitions("topics-test.states"));
        Config config = config("topics-test.states");
        assertEquals("compact", config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
        assertEquals("1", config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value());
    }

    @Test
    void aDeadLetterTopicHasOnePartitionAndItsRetention() throws Exception {
        topics.ensure(Topics.deadLetters("topics-test.events.dlq", CONFIG));

        assertEquals(1, partitions("topics-test.events.dlq"));
        assertEquals(String.valueOf(Duration.ofDays(30).toMillis()),
                config("topics-test.events.dlq").get(TopicConfig.RETENTION_MS_CONFIG).value());
    }

    @Test
    void anExistingTopicAsDeclaredIsAccepted() throws Exception {
        create(new NewTopic("topics-test.same", Optional.of(4), Optional.empty()));

        assertDoesNotThrow(() -> new Topics(new KafkaAdmins(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers())), CONFIG).ensure(Topics.declare("topics-test.same", 4)));
    }

    @Test
    void anExistingTopicWithOtherPartitionsIsAMismatch() throws Exception {
        create(new NewTopic("topics-test.partitions", Optional.of(1), Optional.empty()));

        TopicMismatchException mismatch = assertThrows(TopicMismatchException.class,
                () -> topics.ensure(Topics.declare("topics-test.partitions", 4)));
        assertTrue(mismatch.getMessage().contains("topics-test.partitions exists with 1 partition(s)"),
                mismatch.getMessage());
    }

    @Test
    void anUncompactedTopicDeclaredCompactedIsAMismatch() throws Exception {
        create(new NewTopic("topics-test.policy", Optional.of(4), Optional.empty()));

        TopicMismatchException mismatch = assertThrows(TopicMismatchException.class,
                () -> topics.ensure(Topics.declare("topics-test.policy", 4)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
        assertTrue(mismatch.getMessage().contains("cleanup.policy delete"), mismatch.getMessage());
        assertTrue(mismatch.getMessage().contains("cleanup.policy compact"), mismatch.getMessage());
    }

    private static void create(NewTopic topic) throws Exception {
        admin.createTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
        partitions(topic.name());
    }

    private static int partitions(String topic) {
        return await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> admin.describeTopics(
                List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions().size(), n -> n > 0);
    }

    private static Config config(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
    }
}
