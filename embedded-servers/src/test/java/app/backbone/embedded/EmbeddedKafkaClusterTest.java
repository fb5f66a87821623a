package app.backbone.embedded;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import app.backbone.embedded.EmbeddedKafkaCluster.Shutdown;

class EmbeddedKafkaClusterTest {

    private static final String ADMIN = EmbeddedKafkaCluster.ADMIN_USER;
    private static final String ADMIN_PASSWORD = EmbeddedKafkaCluster.ADMIN_PASSWORD;
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static EmbeddedKafkaCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        Instant start = Instant.now();
        cluster = EmbeddedKafkaCluster.start(dir.resolve("controlled"));
        System.out.printf("Three Kafka nodes served after %d ms%n", Duration.between(start, Instant.now()).toMillis());
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void aUserWithAWriteAclProducesThroughScram() throws Exception {
        createTopics(cluster, "sessions");
        cluster.createUser("writer", "writer-secret");
        cluster.allow("writer", topic("sessions", PatternType.LITERAL), AclOperation.WRITE);

        try (var producer = producer(cluster, "writer", "writer-secret")) {
            producer.send(new ProducerRecord<>("sessions", "member-1", "squat")).get();
        }
        assertEquals(List.of("squat"), readAll(cluster, "sessions", 1));
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        createTopics(cluster, "passwords");
        cluster.createUser("forgetful", "right-secret");
        cluster.allow("forgetful", topic("passwords", PatternType.LITERAL), AclOperation.WRITE);

        try (var producer = producer(cluster, "forgetful", "wrong-secret")) {
            assertFailsWith(SaslAuthenticationException.class,
                    () -> producer.send(new ProducerRecord<>("passwords", "k", "v")).get());
        }
    }

    @Test
    void aUserWithoutAWriteAclOnTheTopicIsRefused() throws Exception {
        createTopics(cluster, "guarded", "open");
        cluster.createUser("reader", "reader-secret");
        cluster.allow("reader", topic("guarded", PatternType.LITERAL), AclOperation.READ);
        cluster.allow("reader", topic("open", PatternType.LITERAL), AclOperation.WRITE);

        try (var producer = producer(cluster, "reader", "reader-secret")) {
            producer.send(new ProducerRecord<>("open", "k", "v")).get();
            assertFailsWith(TopicAuthorizationException.class,
                    () -> producer.send(new ProducerRecord<>("guarded", "k", "v")).get());
        }
    }

    @Test
    void aPrefixedAclAllowsTheTenantsTopicsOnly() throws Exception {
        createTopics(cluster, "tenant.a.sessions", "tenant.a.programs", "tenant.b.sessions");
        cluster.createUser("tenant-a", "tenant-a-secret");
        cluster.allow("tenant-a", topic("tenant.a.", PatternType.PREFIXED), AclOperation.WRITE);

        try (var producer = producer(cluster, "tenant-a", "tenant-a-secret")) {
            producer.send(new ProducerRecord<>("tenant.a.sessions", "member-1", "bench")).get();
            producer.send(new ProducerRecord<>("tenant.a.programs", "member-1", "5x5")).get();
            assertFailsWith(TopicAuthorizationException.class,
                    () -> producer.send(new ProducerRecord<>("tenant.b.sessions", "member-1", "forged")).get());
        }
        assertEquals(List.of(), readAll(cluster, "tenant.b.sessions", 0));
    }

    @Test
    void topicsAreNeverCreatedByProducingOrConsuming() throws Exception {
        Map<String, Object> producerConfig = cluster.clientProperties(ADMIN, ADMIN_PASSWORD);
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
        try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
             var consumer = consumer(cluster)) {
            assertFailsWith(org.apache.kafka.common.errors.TimeoutException.class,
                    () -> producer.send(new ProducerRecord<>("unknown.produced", "k", "v")).get());
            assertEquals(List.of(), consumer.partitionsFor("unknown.consumed"));
        }
        var topics = cluster.admin().listTopics().names().get();
        assertFalse(topics.contains("unknown.produced"), topics::toString);
        assertFalse(topics.contains("unknown.consumed"), topics::toString);
    }

    @Test
    void servicesGetTheConnectionSettingsAsQuarkusConfigAndEnvironment() {
        Map<String, String> config = cluster.serviceConfig("catalog", "catalog-secret");
        assertEquals(cluster.bootstrapServers(), config.get("kafka.bootstrap.servers"));
        assertEquals("SASL_PLAINTEXT", config.get("kafka.security.protocol"));
        assertEquals("SCRAM-SHA-512", config.get("kafka.sasl.mechanism"));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"catalog\" "
                + "password=\"catalog-secret\";", config.get("kafka.sasl.jaas.config"));
        Map<String, String> environment = cluster.serviceEnvironment("catalog", "catalog-secret");
        assertEquals(config.get("kafka.sasl.jaas.config"), environment.get("KAFKA_SASL_JAAS_CONFIG"));
        assertEquals(config.get("kafka.bootstrap.servers"), environment.get("KAFKA_BOOTSTRAP_SERVERS"));
    }

    @Test
    void acknowledgedRecordsOutliveTheWholeClusterStopping() throws Exception {
        createTopics(cluster, "durable");
        List<String> values = IntStream.range(0, 100).mapToObj(i -> "set-" + i).toList();
        try (var producer = producer(cluster, ADMIN, ADMIN_PASSWORD)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            values.forEach(value -> acks.add(producer.send(new ProducerRecord<>("durable", value, value))));
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        }

        Instant stop = Instant.now();
        cluster.stopAll();
        Instant start = Instant.now();
        cluster.startAll();
        System.out.printf("Stopping all nodes took %d ms, starting them %d ms%n",
                Duration.between(stop, start).toMillis(), Duration.between(start, Instant.now()).toMillis());

        assertEquals(values.stream().sorted().toList(), readAll(cluster, "durable", 100).stream().sorted().toList());
    }

    @Test
    void acknowledgedRecordsOutliveTheControlledStopOfTheirLeader() throws Exception {
        produceWhileTheLeaderStops(cluster, "handed-over");
    }

    @Test
    void acknowledgedRecordsOutliveTheCrashOfTheirLeader(@TempDir Path crashDir) throws Exception {
        try (EmbeddedKafkaCluster crashing = EmbeddedKafkaCluster.start(crashDir, 3, Shutdown.ABRUPT)) {
            produceWhileTheLeaderStops(crashing, "crashed");
        }
    }

    /**
     * Produces 400 records, stops the leader of partition 0 while the middle 100 are in flight, waits until the
     * partition has a new leader, starts the old one again, and reads back every acknowledged record, once.
     */
    private static void produceWhileTheLeaderStops(EmbeddedKafkaCluster cluster, String topic) throws Exception {
        createTopics(cluster, topic);
        cluster.createUser("producer", "producer-secret");
        cluster.allow("producer", topic(topic, PatternType.LITERAL), AclOperation.WRITE);
        int leader = cluster.leaderOf(topic, 0).orElseThrow();

        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (var producer = producer(cluster, "producer", "producer-secret")) {
            for (int i = 0; i < 400; i++) {
                acks.add(producer.send(new ProducerRecord<>(topic, "member-" + i % 16, "set-" + i)));
                if (i == 199) {
                    acks.get(i).get();
                } else if (i == 299) {
                    Instant stop = Instant.now();
                    cluster.stopNode(leader);
                    await().atMost(RECOVERY).until(() -> cluster.leaderOf(topic, 0).orElse(leader) != leader);
                    System.out.printf("%s: partition 0 moved from node %d to node %d in %d ms%n", topic, leader,
                            cluster.leaderOf(topic, 0).orElseThrow(), Duration.between(stop, Instant.now()).toMillis());
                }
            }
            producer.flush();
        }
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < acks.size(); i++) {
            acks.get(i).get();
            acknowledged.add("set-" + i);
        }
        Instant restart = Instant.now();
        cluster.startNode(leader);
        System.out.printf("%s: node %d served and caught up %d ms after its restart%n", topic, leader,
                Duration.between(restart, Instant.now()).toMillis());

        assertEquals(acknowledged.stream().sorted().toList(),
                readAll(cluster, topic, acknowledged.size()).stream().sorted().toList());
    }

    private static ResourcePattern topic(String name, PatternType type) {
        return new ResourcePattern(ResourceType.TOPIC, name, type);
    }

    private static void createTopics(EmbeddedKafkaCluster cluster, String... names) throws Exception {
        List<NewTopic> topics = List.of(names).stream().map(name -> new NewTopic(name, 4, (short) 3)).toList();
        cluster.admin().createTopics(topics).all().get();
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafkaCluster cluster, String user,
            String password) {
        Map<String, Object> config = cluster.clientProperties(user, password);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(EmbeddedKafkaCluster cluster) {
        Map<String, Object> config = cluster.clientProperties(ADMIN, ADMIN_PASSWORD);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** Reads the topic from its beginning, committed records only, until {@code expected} have come. */
    private static List<String> readAll(EmbeddedKafkaCluster cluster, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (var consumer = consumer(cluster)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await().atMost(RECOVERY).pollInSameThread().until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            });
        }
        assertEquals(expected, values.size(), values::toString);
        return values;
    }

    private static void assertFailsWith(Class<? extends Throwable> expected, Executable action) {
        try {
            action.execute();
        } catch (Throwable thrown) {
            for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
                if (expected.isInstance(cause)) {
                    return;
                }
            }
            throw new AssertionError("Expected " + expected.getSimpleName(), thrown);
        }
        fail("Expected " + expected.getSimpleName() + ", but it succeeded");
    }
}
