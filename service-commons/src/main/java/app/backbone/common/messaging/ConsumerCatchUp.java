package app.backbone.common.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Tells whether a consumer group has caught up with a topic as it stood when this object first reached the
 * broker: the group's committed offsets reach the end offsets taken then. A topic that does not exist yet is
 * caught up. Once caught up it stays so.
 */
public final class ConsumerCatchUp implements AutoCloseable {

    private final Map<String, Object> adminConfig;
    private final String topic;
    private final String groupId;
    private Map<TopicPartition, Long> target;
    private Admin admin;
    private volatile boolean caughtUp;
    private volatile String status = "waiting for the broker";

    /**
     * @param adminConfig the configuration of the admin client that asks the broker, as {@link KafkaAdmins#config}
     *                    gives it
     */
    public ConsumerCatchUp(Map<String, Object> adminConfig, String topic, String groupId) {
        this.adminConfig = adminConfig;
        this.topic = topic;
        this.groupId = groupId;
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
                target = endOffsets();
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            long behind = 0;
            for (Map.Entry<TopicPartition, Long> end : target.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                behind += Math.max(0, end.getValue() - (done == null ? 0 : done.offset()));
            }
            status = behind + " record(s) of " + topic + " behind its end at start";
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
        admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS)
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }
}
