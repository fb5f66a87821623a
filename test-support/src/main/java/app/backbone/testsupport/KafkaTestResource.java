package app.backbone.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.testcontainers.containers.GenericContainer;

import app.backbone.embedded.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the tests a real Kafka broker: a KRaft broker in the test JVM with throw-away storage, a container when
 * {@code BACKBONE_TEST_CONTAINERS} is {@code true} ({@link TestContainers}), or the external cluster named by
 * {@code BACKBONE_TEST_KAFKA_BOOTSTRAP_SERVERS}.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedKafka kafka;
    private GenericContainer<?> container;
    private Path dataDir;

    @Override
    public Map<String, String> start() {
        String external = System.getenv("BACKBONE_TEST_KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            return Map.of("kafka.bootstrap.servers", external);
        }
        if (TestContainers.enabled()) {
            container = TestContainers.kafka();
            return Map.of("kafka.bootstrap.servers", TestContainers.bootstrapServers(container));
        }
        try {
            dataDir = Files.createTempDirectory("backbone-kafka-");
            kafka = EmbeddedKafka.start(dataDir, 0, 0);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded Kafka broker", e);
        }
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new IllegalStateException("Could not remove " + dataDir, e);
            }
        }
    }
}
