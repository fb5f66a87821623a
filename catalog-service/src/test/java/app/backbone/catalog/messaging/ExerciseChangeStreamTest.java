package app.backbone.catalog.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import app.backbone.catalog.domain.GlobalLibrary;
import app.backbone.catalog.rest.ExerciseLifecycleTestData;
import app.backbone.common.outbox.OutboxEvent;
import app.backbone.common.outbox.OutboxRelay;
import app.backbone.testsupport.TestTokens;
import app.backbone.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ExerciseChangeStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    OutboxRelay relay;

    @Inject
    Scheduler scheduler;

    @Test
    void aNewConsumerRebuildsTheGlobalLibraryFromTheTopicAlone() throws Exception {
        Set<String> library = GlobalLibrary.load().stream().map(d -> d.id()).collect(Collectors.toSet());
        try (TopicReader reader = new TopicReader(CatalogTopics.EXERCISES)) {
            await().atMost(WAIT).until(() -> latestByKey(reader.poll()).keySet().containsAll(library));
            Map<String, JsonNode> latest = latestByKey(reader.poll());
            for (String id : library) {
                JsonNode state = latest.get(id);
                assertEquals("GLOBAL", state.get("scope").asText());
                assertTrue(state.get("tenantId").isNull());
                JsonNode api = JSON.readTree(given().auth().oauth2(TestTokens.token("stream-gym", "trainer"))
                        .when().get("/exercises/" + id).then().statusCode(200).extract().asString());
                for (String field : List.of("name", "category", "movementPattern", "primaryMuscles",
                        "secondaryMuscles", "equipment", "laterality", "measure", "loadable", "contraindications",
                        "cues", "version", "retired")) {
                    assertEquals(api.get(field), state.get(field), id + "." + field);
                }
            }
        }
    }

    @Test
    void everyRecordIsKeyedByExerciseAndMatchesTheDocumentedSchema() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("contracts/catalog.exercises.schema.json")));
        try (TopicReader reader = new TopicReader(CatalogTopics.EXERCISES)) {
            await().atMost(WAIT).until(() -> reader.poll().size() >= GlobalLibrary.load().size());
            for (ConsumerRecord<String, String> record : reader.poll()) {
                JsonNode value = JSON.readTree(record.value());
                Set<ValidationMessage> errors = schema.validate(value);
                assertTrue(errors.isEmpty(), record.key() + ": " + errors);
                assertEquals(record.key(), value.get("exerciseId").asText());
            }
        }
    }

    @Test
    void tenantChangesAreStreamedInOrderWithTheirTenant() {
        String id = create("stream-gym", "Pendlay row");
        given().auth().oauth2(TestTokens.token("stream-gym", "admin")).contentType("application/json")
                .header("If-Match", "\"0\"").body(ExerciseLifecycleTestData.body("Pendlay row from the floor"))
                .when().put("/exercises/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.token("stream-gym", "admin"))
                .when().delete("/exercises/" + id).then().statusCode(204);
        try (TopicReader reader = new TopicReader(CatalogTopics.EXERCISES)) {
            await().atMost(WAIT).until(() -> states(reader.poll(), id).size() == 3);
            List<JsonNode> states = states(reader.poll(), id);
            assertEquals(List.of(0L, 1L, 2L), states.stream().map(s -> s.get("version").asLong()).toList());
            assertEquals("Pendlay row from the floor", states.get(2).get("name").asText());
            assertTrue(states.get(2).get("retired").asBoolean());
            states.forEach(s -> assertEquals("stream-gym", s.get("tenantId").asText()));
        }
    }

    @Test
    void changesMadeWhileTheRelayIsDownArePublishedWhenItComesBack() {
        await().atMost(WAIT).until(() -> pendingOutbox() == 0);
        relay.stop();
        String id;
        try {
            id = create("relay-gym", "Yates row");
            Instant created = Instant.now();
            await().atMost(WAIT).until(() -> relayRoundSince(created));
            assertEquals(1, pendingOutbox(), "the stopped relay left the change in the outbox");
            assertEquals(List.of(), PublishedStates.of(id), "published while the relay was stopped");
        } finally {
            relay.start();
        }
        try (TopicReader reader = new TopicReader(CatalogTopics.EXERCISES)) {
            await().atMost(WAIT).until(() -> states(reader.poll(), id).size() == 1);
        }
        await().atMost(WAIT).until(() -> pendingOutbox() == 0);
    }

    private boolean relayRoundSince(Instant instant) {
        Instant previous = scheduler.getScheduledJob(OutboxRelay.JOB).getPreviousFireTime();
        return previous != null && previous.isAfter(instant);
    }

    private long pendingOutbox() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("topic", CatalogTopics.EXERCISES));
    }

    private static String create(String tenant, String name) {
        return given().auth().oauth2(TestTokens.token(tenant, "admin")).contentType("application/json")
                .body(ExerciseLifecycleTestData.body(name))
                .when().post("/exercises").then().statusCode(201).extract().path("id");
    }

    private static List<JsonNode> states(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).map(r -> read(r.value())).toList();
    }

    private static Map<String, JsonNode> latestByKey(List<ConsumerRecord<String, String>> records) {
        Map<String, JsonNode> latest = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode value = read(record.value());
            JsonNode known = latest.get(record.key());
            if (known == null || known.get("version").asLong() <= value.get("version").asLong()) {
                latest.put(record.key(), value);
            }
        }
        return latest;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + json, e);
        }
    }
}
