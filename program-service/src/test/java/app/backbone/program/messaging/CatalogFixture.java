package app.backbone.program.messaging;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.backbone.common.catalog.CatalogTopic;
import app.backbone.common.catalog.CatalogExercise;
import app.backbone.testsupport.TopicWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Publishes the catalog's real global library on the topic, as catalog-service does, and waits for the read model. */
public final class CatalogFixture {

    private static final Path LIBRARY = Path.of("../catalog-service/src/main/resources/library/global-exercises.json");
    private static volatile boolean published;

    private CatalogFixture() {
    }

    /** Once per test JVM: publishes the library and waits until the read model holds it. */
    public static synchronized void publishGlobalLibrary() {
        if (published) {
            return;
        }
        long expected = sendGlobalLibrary();
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> CatalogExercise.count("scope", "GLOBAL")) >= expected);
        published = true;
    }

    /**
     * Publishes the library without waiting for anything, which needs no access to the application's beans (so also
     * from a test of the packaged application); the read model takes a repeated version as a no-op.
     *
     * @return how many exercises were sent
     */
    public static int sendGlobalLibrary() {
        ObjectMapper json = new ObjectMapper();
        int count = 0;
        try (TopicWriter writer = new TopicWriter()) {
            for (JsonNode entry : json.readTree(LIBRARY.toFile())) {
                ObjectNode state = ((ObjectNode) entry.deepCopy());
                String id = state.remove("id").asText();
                state.put("eventId", UUID.randomUUID().toString());
                state.put("schemaVersion", 1);
                state.put("occurredAt", Instant.now().toString());
                state.put("exerciseId", id);
                state.put("scope", "GLOBAL");
                state.putNull("tenantId");
                state.put("version", 0);
                state.put("retired", false);
                writer.send(CatalogTopic.EXERCISES, id, json.writeValueAsString(state));
                count++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }
}
