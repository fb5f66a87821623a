package app.backbone.catalog.messaging;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.backbone.testsupport.TopicReader;

/** What {@value CatalogTopics#EXERCISES} holds for one exercise, read from the beginning up to the topic's end. */
public final class PublishedStates {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private PublishedStates() {
    }

    /** Every state published for {@code exerciseId} up to now, in order. */
    public static List<JsonNode> of(String exerciseId) {
        return byExercise().getOrDefault(exerciseId, List.of());
    }

    /** Every state published up to now, by exercise id, each exercise's in order. */
    public static Map<String, List<JsonNode>> byExercise() {
        Map<Integer, Long> ends = endOffsets();
        try (TopicReader reader = new TopicReader(CatalogTopics.EXERCISES)) {
            await().atMost(WAIT).until(() -> readUpTo(reader.poll(), ends));
            return reader.poll().stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                    Collectors.mapping(r -> read(r.value()), Collectors.toList())));
        }
    }

    private static Map<Integer, Long> endOffsets() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(CatalogTopics.EXERCISES).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions).entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().partition(), Map.Entry::getValue));
        }
    }

    private static boolean readUpTo(List<ConsumerRecord<String, String>> records, Map<Integer, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> end.getValue() == 0 || records.stream()
                .anyMatch(r -> r.partition() == end.getKey() && r.offset() >= end.getValue() - 1));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + json, e);
        }
    }
}
