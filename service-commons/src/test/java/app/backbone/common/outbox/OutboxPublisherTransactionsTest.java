package app.backbone.common.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.backbone.embedded.EmbeddedKafka;

/**
 * On a real broker: what a relay producer left half-sent never reaches consumers that read committed records, and a
 * newer producer with the relay's transactional id fences the older one.
 */
class OutboxPublisherTransactionsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    private static EmbeddedKafka kafka;

    private final String topic = "relay-" + UUID.randomUUID();
    private final String transactionalId = "relay-" + UUID.randomUUID();

    @BeforeAll
    static void startKafka() throws IOException {
        kafka = EmbeddedKafka.start(dataDir, 0, 0);
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void recordsOfAnAbandonedBatchAreNeverReadAndTheNextPublisherIsNotHeldUpByThem() throws Exception {
        createTopic();
        try (KafkaProducer<String, String> abandoned = producer()) {
            abandoned.initTransactions();
            abandoned.beginTransaction();
            abandoned.send(new ProducerRecord<>(topic, "bench-press", "{\"version\":1}")).get();
            abandoned.close(Duration.ZERO);
        }

        try (OutboxPublisher next = new OutboxPublisher(producer(), Duration.ofSeconds(10))) {
            next.publish(List.of(new OutboxEvent.Taken(2, topic, "bench-press", "{\"version\":2}", "1"),
                    new OutboxEvent.Taken(3, topic, "squat", "{\"version\":1}", "1")));
        }

        List<ConsumerRecord<String, String>> read = readCommitted(2);
        assertEquals(List.of("bench-press={\"version\":2}", "squat={\"version\":1}"),
                read.stream().map(r -> r.key() + "=" + r.value()).toList());
        assertTrue(read.get(0).offset() > 0, "the abandoned record is in the log before them, unread");
    }

    @Test
    void aNewerPublisherWithTheSameTransactionalIdFencesTheOlderOne() throws Exception {
        createTopic();
        OutboxPublisher older = new OutboxPublisher(producer(), Duration.ofSeconds(10));
        older.publish(List.of(new OutboxEvent.Taken(1, topic, "bench-press", "{\"version\":1}", "1")));
        try (OutboxPublisher newer = new OutboxPublisher(producer(), Duration.ofSeconds(10))) {
            Exception failure = assertThrows(Exception.class,
                    () -> older.publish(List.of(
                            new OutboxEvent.Taken(2, topic, "bench-press", "{\"version\":2}", "1"))));
            assertTrue(OutboxPublisher.fenced(failure), failure.toString());
            older.close();

            newer.publish(List.of(new OutboxEvent.Taken(2, topic, "bench-press", "{\"version\":3}", "1")));
        }

        assertEquals(List.of("{\"version\":1}", "{\"version\":3}"),
                readCommitted(2).stream().map(ConsumerRecord::value).toList());
    }

    private void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private KafkaProducer<String, String> producer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /**
     * The committed records of the topic once {@code expected} of them are readable (the commit markers reach the
     * partition shortly after the commit returns), and any more that arrive meanwhile.
     */
    private List<ConsumerRecord<String, String>> readCommitted(int expected) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (records.size() < expected && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            return records;
        }
    }
}
