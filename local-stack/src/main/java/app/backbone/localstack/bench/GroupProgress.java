package app.backbone.localstack.bench;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group has committed through a published range of records, read from the broker: cheap enough to
 * ask every few hundred milliseconds without taking time from the database the group writes to. Logging-service
 * commits a batch's offsets only after storing it, so a committed record is a stored one.
 */
final class GroupProgress implements AutoCloseable {

    private final Admin admin;
    private final String group;
    private final Map<TopicPartition, Long> from;
    private final Map<TopicPartition, Long> to;

    GroupProgress(String bootstrapServers, String group, Map<TopicPartition, Long> from,
            Map<TopicPartition, Long> to) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(config);
        this.group = group;
        this.from = from;
        this.to = to;
    }

    /** Records of the range whose offsets the group has committed. */
    long committed() throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        long done = 0;
        for (Map.Entry<TopicPartition, Long> end : to.entrySet()) {
            OffsetAndMetadata at = offsets.get(end.getKey());
            if (at != null) {
                long start = from.getOrDefault(end.getKey(), 0L);
                done += Math.max(0, Math.min(at.offset(), end.getValue()) - start);
            }
        }
        return done;
    }

    @Override
    public void close() {
        admin.close();
    }
}
