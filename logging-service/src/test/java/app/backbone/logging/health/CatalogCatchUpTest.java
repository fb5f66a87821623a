package app.backbone.logging.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import app.backbone.logging.messaging.CatalogReadModelTest;
import app.backbone.logging.messaging.CatalogTopics;
import app.backbone.testsupport.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;

/** Readiness stays down while a consumer group is behind the catalog topic as it stood at start. */
@QuarkusTest
class CatalogCatchUpTest {

    @Test
    void readyOnlyOnceTheGroupHasCommittedUpToTheEndOfTheTopic() {
        try (TopicWriter writer = new TopicWriter()) {
            for (int i = 0; i < 3; i++) {
                String id = "catch-up-" + i;
                writer.send(CatalogTopics.EXERCISES, id, CatalogReadModelTest.state(id, 0, false, "Catch-up " + i));
            }
        }
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String group = "catch-up-" + UUID.randomUUID();
        CatalogCatchUp readiness = new CatalogCatchUp(bootstrap, group);
        try {
            readiness.check();
            assertEquals(HealthCheckResponse.Status.DOWN, readiness.call().getStatus());

            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, group,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(CatalogTopics.EXERCISES));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                do {
                    consumer.poll(Duration.ofMillis(500));
                    consumer.commitSync();
                    readiness.check();
                } while (readiness.call().getStatus() == HealthCheckResponse.Status.DOWN
                        && System.nanoTime() < deadline);
            }
            assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
        } finally {
            readiness.close();
        }
    }
}
