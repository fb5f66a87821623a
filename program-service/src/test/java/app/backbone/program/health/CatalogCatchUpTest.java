package app.backbone.program.health;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import app.backbone.common.messaging.ConsumerCatchUp;
import app.backbone.program.messaging.CatalogFixture;
import app.backbone.common.catalog.CatalogTopic;
import io.quarkus.test.junit.QuarkusTest;

/** Readiness stays down while a consumer group is behind the catalog topic as it stood at start. */
@QuarkusTest
class CatalogCatchUpTest {

    @Test
    void readyOnlyOnceTheGroupHasCommittedUpToTheEndOfTheTopic() {
        CatalogFixture.publishGlobalLibrary();
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String group = "catch-up-" + UUID.randomUUID();
        ConsumerCatchUp readiness = new ConsumerCatchUp(Map.of("bootstrap.servers", bootstrap),
                CatalogTopic.EXERCISES, group);
        try {
            readiness.check();
            assertFalse(readiness.caughtUp());

            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, group,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(CatalogTopic.EXERCISES));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                do {
                    consumer.poll(Duration.ofMillis(500));
                    consumer.commitSync();
                    readiness.check();
                } while (!readiness.caughtUp()
                        && System.nanoTime() < deadline);
            }
            assertTrue(readiness.caughtUp());
        } finally {
            readiness.close();
        }
    }
}
