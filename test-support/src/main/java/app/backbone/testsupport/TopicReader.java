package app.backbone.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads a topic from its beginning with a fresh consumer group, as a new consumer of the service would: committed
 * records only.
 */
public final class TopicReader implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

    public TopicReader(String topic) {
        consumer = consumer("test-reader-" + UUID.randomUUID());
        consumer.subscribe(List.of(topic));
    }

    /** Every committed record of the topic up to its end as it stands now (its last stable offsets). */
    public static List<ConsumerRecord<String, String>> readToEnd(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(null)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> read = new ArrayList<>();
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < ends.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read " + topic + " to its end in " + TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
            return read;
        }
    }

    private static KafkaConsumer<String, String> consumer(String group) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** Polls once more and returns every record read so far, in arrival order. */
    public List<ConsumerRecord<String, String>> poll() {
        consumer.poll(Duration.ofMillis(300)).forEach(records::add);
        return List.copyOf(records);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
