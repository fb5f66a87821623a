package app.backbone.common.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Tells whether a consumer group has caught up with a topic as it stood when this object first found a record on
 * it: no committed record lies between the group's committed offsets and the end offsets taken then (a gap left only
 * by transaction markers, or by records the consumer's store already holds, counts as caught up: a group's commit can
 * fail in a rebalance, and is not made again until another record arrives). A topic that does not exist yet or holds
 * nothing is not caught up, as
 * its producer has not published yet; the ends of a topic first found empty are taken at the check after the one
 * that finds its first records. Once caught up it stays so.
 */
public final class ConsumerCatchUp implements AutoCloseable {

    private static final Duration PROBE = Duration.ofSeconds(2);

    private final Map<String, Object> adminConfig;
    private final String topic;
    private final String groupId;
    private final Predicate<List<ConsumerRecord<byte[], byte[]>>> applied;
    private Map<TopicPartition, Long> target;
    private Admin admin;
    private Consumer<byte[], byte[]> consumer;
    private boolean foundEmpty;
    private boolean firstRecordsSeen;
    private volatile boolean caughtUp;
    private volatile String status = "waiting for the broker";

    /**
     * @param adminConfig the configuration of the admin client that asks the broker, as {@link KafkaAdmins#config}
     *                    gives it
     */
    public ConsumerCatchUp(Map<String, Object> adminConfig, String topic, String groupId) {
        this(adminConfig, topic, groupId, List::isEmpty);
    }

    /**
     * @param applied whether the consumer's store already holds what these records, read past the group's committed
     *                offsets, carry
     */
    public ConsumerCatchUp(Map<String, Object> adminConfig, String topic, String groupId,
            Predicate<List<ConsumerRecord<byte[], byte[]>>> applied) {
        this.adminConfig = adminConfig;
        this.topic = topic;
        this.groupId = groupId;
        this.applied = applied;
    }

    /** Asks the broker once more; cheap once caught up. */
    public synchronized void check() {
        if (caughtUp) {
            return;
        }
        try {
            if (admin == null) {
                admin = Admin.create(adminConfig);
            }
            if (target == null) {
                Map<TopicPartition, Long> ends = endOffsets();
                if (ends.values().stream().allMatch(end -> end == 0)) {
                    foundEmpty = true;
                    status = "nothing published on " + topic + " yet";
                    return;
                }
                if (foundEmpty && !firstRecordsSeen) {
                    // The first transaction's commit markers reach its partitions one by one: look again at the
                    // next check, once they are all written, before taking the ends.
                    firstRecordsSeen = true;
                    status = "first records found on " + topic;
                    return;
                }
                target = ends;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, Long> from = new HashMap<>();
            for (Map.Entry<TopicPartition, Long> end : target.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                long offset = done == null ? 0 : done.offset();
                if (offset < end.getValue()) {
                    from.put(end.getKey(), offset);
                }
            }
            long behind = from.entrySet().stream().mapToLong(e -> target.get(e.getKey()) - e.getValue()).sum();
            if (behind > 0 && appliedFrom(from)) {
                behind = 0;
            }
            status = behind + " offset(s) of " + topic + " behind its end at start";
            if (behind == 0) {
                caughtUp = true;
                status = "caught up with " + topic;
                close();
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            status = "cannot tell yet: " + e.getMessage();
        }
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    public String status() {
        return status;
    }

    private Map<TopicPartition, Long> endOffsets() throws Exception {
        List<TopicPartition> partitions;
        try {
            partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS).get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Map.of();
            }
            throw e;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(5, TimeUnit.SECONDS).forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /**
     * Whether every committed record between these offsets and the target is applied already: a group commits the
     * offset after its last record, which falls short of the end by the marker of the transaction that wrote it.
     */
    private boolean appliedFrom(Map<TopicPartition, Long> from) {
        if (consumer == null) {
            Map<String, Object> config = new HashMap<>(adminConfig);
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        consumer.assign(from.keySet());
        from.forEach(consumer::seek);
        List<ConsumerRecord<byte[], byte[]>> gap = new ArrayList<>();
        long deadline = System.nanoTime() + PROBE.toNanos();
        while (from.keySet().stream().anyMatch(p -> consumer.position(p, PROBE) < target.get(p))) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                if (record.offset() < target.get(new TopicPartition(record.topic(), record.partition()))) {
                    gap.add(record);
                }
            }
        }
        return applied.test(gap);
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
        if (consumer != null) {
            consumer.close(Duration.ZERO);
            consumer = null;
        }
    }
}
