package app.backbone.common.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.backbone.embedded.EmbeddedKafka;
import app.backbone.embedded.FreePorts;

/** A consumer group is caught up once its committed offsets reach the topic's end as it stood at the first check. */
class ConsumerCatchUpTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    static Path dataDir;

    private static EmbeddedKafka kafka;
    private static Admin admin;

    private final String topic = "catch-up-" + UUID.randomUUID();
    private final String group = "group-" + UUID.randomUUID();
    private ConsumerCatchUp catchUp;

    @BeforeAll
    static void startKafka() throws IOException {
        kafka = EmbeddedKafka.start(dataDir, 0, 0);
        admin = Admin.create(config());
    }

    @AfterAll
    static void stopKafka() {
        admin.close();
        kafka.close();
    }

    @AfterEach
    void closeCatchUp() {
        catchUp.close();
    }

    @Test
    void caughtUpOnlyOnceTheGroupHasCommittedUpToTheEndOfTheTopic() throws Exception {
        createTopic(2);
        publish(6);
        catchUp = new ConsumerCatchUp(config(), topic, group);

        catchUp.check();
        assertFalse(catchUp.caughtUp());
        assertEquals("6 offset(s) of " + topic + " behind its end at start", catchUp.status());

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(200));
                consumer.commitSync();
                catchUp.check();
                return catchUp.caughtUp();
            });
        }
        assertEquals("caught up with " + topic, catchUp.status());
    }

    @Test
    void recordsPublishedAfterTheFirstCheckAreNotWaitedForAndCaughtUpStaysSo() throws Exception {
        createTopic(1);
        publish(3);
        catchUp = new ConsumerCatchUp(config(), topic, group);
        catchUp.check();
        publish(2);

        commit(2);
        catchUp.check();
        assertFalse(catchUp.caughtUp());
        assertEquals("1 offset(s) of " + topic + " behind its end at start", catchUp.status());

        commit(3);
        catchUp.check();
        assertTrue(catchUp.caughtUp());

        publish(4);
        catchUp.check();
        assertTrue(catchUp.caughtUp());
    }

    @Test
    void aGroupThatHasReadTheLastRecordOfATransactionIsCaughtUpThoughTheCommitMarkerFollowsIt() throws Exception {
        createTopic(1);
        publishInTransaction(3);
        catchUp = new ConsumerCatchUp(config(), topic, group);

        commit(2);
        catchUp.check();
        assertFalse(catchUp.caughtUp());
        assertEquals("2 offset(s) of " + topic + " behind its end at start", catchUp.status());

        commit(3);
        catchUp.check();
        assertTrue(catchUp.caughtUp(), catchUp.status());
    }

    @Test
    void aTopicThatDoesNotExistOrHoldsNothingYetIsNotCaughtUpUntilItsFirstRecordsAreRead() throws Exception {
        catchUp = new ConsumerCatchUp(config(), topic, group);

        catchUp.check();
        assertFalse(catchUp.caughtUp());
        assertEquals("nothing published on " + topic + " yet", catchUp.status());

        createTopic(1);
        catchUp.check();
        assertFalse(catchUp.caughtUp());
        assertEquals("nothing published on " + topic + " yet", catchUp.status());

        publish(2);
        catchUp.check();
        assertFalse(catchUp.caughtUp());
        assertEquals("first records found on " + topic, catchUp.status());
        publish(1);
        catchUp.check();
        assertFalse(catchUp.caughtUp());
        assertEquals("3 offset(s) of " + topic + " behind its end at start", catchUp.status());

        commit(2);
        catchUp.check();
        assertFalse(catchUp.caughtUp());
        commit(3);
        catchUp.check();
        assertTrue(catchUp.caughtUp());
        assertEquals("caught up with " + topic, catchUp.status());
    }

    @Test
    void recordsPastTheCommittedOffsetsCountOnceTheStoreHoldsThemAsAFailedCommitLeavesThem() throws Exception {
        createTopic(1);
        publish(3);
        Set<String> stored = ConcurrentHashMap.newKeySet();
        List<Integer> gapSizes = new CopyOnWriteArrayList<>();
        catchUp = new ConsumerCatchUp(config(), topic, group, records -> {
            gapSizes.add(records.size());
            return records.stream().allMatch(r -> stored.contains(new String(r.key(), StandardCharsets.UTF_8)));
        });
        commit(1);

        stored.add("exercise-1");
        catchUp.check();
        assertFalse(catchUp.caughtUp());
        assertEquals("2 offset(s) of " + topic + " behind its end at start", catchUp.status());

        stored.add("exercise-2");
        catchUp.check();
        assertTrue(catchUp.caughtUp(), catchUp.status());
        assertEquals(List.of(2, 2), gapSizes, "the records at offsets 1 and 2, read past the committed offset");
    }

    @Test
    void anUnreachableBrokerLeavesItNotCaughtUpAndSaysSo() {
        Map<String, Object> nowhere = KafkaAdmins.withTimeout(
                Map.of("bootstrap.servers", "127.0.0.1:" + FreePorts.find()), Duration.ofMillis(500));
        catchUp = new ConsumerCatchUp(nowhere, topic, group);

        catchUp.check();

        assertFalse(catchUp.caughtUp());
        assertTrue(catchUp.status().startsWith("cannot tell yet: "), catchUp.status());
    }

    private static Map<String, Object> config() {
        return KafkaAdmins.withTimeout(Map.of("bootstrap.servers", kafka.bootstrapServers()), TIMEOUT);
    }

    private void createTopic(int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private void publish(int records) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "exercise-" + i, "{}")).get();
            }
        }
    }

    private void publishInTransaction(int records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "relay-" + topic), new StringSerializer(),
                new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "exercise-" + i, "{}"));
            }
            producer.commitTransaction();
        }
        // The commit markers reach the partitions after commitTransaction returns; until then the records are not
        // readable and the end a read-committed reader sees stays where it was.
        TopicPartition partition = new TopicPartition(topic, 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).partitionResult(partition)
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).offset() == records + 1);
    }

    private void commit(long offset) throws Exception {
        admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(offset)))
                .all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
