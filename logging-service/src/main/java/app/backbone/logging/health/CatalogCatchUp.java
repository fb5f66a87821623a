package app.backbone.logging.health;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import app.backbone.logging.messaging.CatalogTopics;
import io.quarkus.scheduler.Scheduled;

/**
 * Ready once the read model has consumed the catalog topic up to where it ended when this service started:
 * the consumer group's committed offsets reach the end offsets taken at start.
 */
@Readiness
@ApplicationScoped
public class CatalogCatchUp implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(CatalogCatchUp.class);

    private final String bootstrapServers;
    private final String groupId;
    private Map<TopicPartition, Long> target;
    private volatile boolean caughtUp;
    private volatile String status = "waiting for the broker";
    private Admin admin;

    public CatalogCatchUp(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "mp.messaging.incoming.\"catalog.exercises\".group.id") String groupId) {
        this.bootstrapServers = bootstrapServers;
        this.groupId = groupId;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Catalog read model caught up").status(caughtUp)
                .withData("status", status).build();
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void check() {
        if (caughtUp) {
            return;
        }
        try {
            if (admin == null) {
                admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000));
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
            status = behind + " record(s) behind the catalog as of start";
            if (behind == 0) {
                caughtUp = true;
                status = "caught up";
                LOG.info("Catalog read model caught up");
                admin.close();
                admin = null;
            }
        } catch (Exception e) {
            status = "cannot tell yet: " + e.getMessage();
        }
    }

    private Map<TopicPartition, Long> endOffsets() throws Exception {
        List<TopicPartition> partitions;
        try {
            partitions = admin.describeTopics(List.of(CatalogTopics.EXERCISES)).allTopicNames()
                    .get(5, TimeUnit.SECONDS).get(CatalogTopics.EXERCISES).partitions().stream()
                    .map(p -> new TopicPartition(CatalogTopics.EXERCISES, p.partition())).toList();
        } catch (java.util.concurrent.ExecutionException e) {
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

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
