package app.backbone.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads topics as an outside consumer: end offsets, and every record up to them. */
public final class Topics {

    /** logging-service's insights: records beaten and deloads recommended; key = tenantId/memberId. */
    public static final String INSIGHTS = "training.insights";

    /** logging-service's compacted member progress; key = tenantId/memberId. */
    public static final String MEMBER_PROGRESS = "training.member-progress";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Topics() {
    }

    /** The end offset of each partition of the topic. */
    public static Map<TopicPartition, Long> endOffsets(String bootstrapServers, String topic) {
        return endOffsets(connection(bootstrapServers), topic);
    }

    /** The end offset of each partition of the topic, connecting with these client settings. */
    public static Map<TopicPartition, Long> endOffsets(Map<String, Object> connection, String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(connection)) {
            return consumer.endOffsets(partitions(consumer, topic), TIMEOUT);
        }
    }

    /** Every record of the topic up to its current end, partition by partition. */
    public static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic) {
        return readAll(connection(bootstrapServers), topic);
    }

    /** Every record of the topic up to its current end, connecting with these client settings. */
    public static List<ConsumerRecord<String, String>> readAll(Map<String, Object> connection, String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(connection)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, TIMEOUT));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < ends.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read " + topic + " to its end in " + TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        return consumer.partitionsFor(topic, TIMEOUT).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private static Map<String, Object> connection(String bootstrapServers) {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> connection) {
        Map<String, Object> settings = new HashMap<>(connection);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
    }
}
