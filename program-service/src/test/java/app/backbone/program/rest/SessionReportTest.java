package app.backbone.program.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import app.backbone.program.messaging.CatalogFixture;
import app.backbone.program.messaging.SessionTopics;
import app.backbone.testsupport.ProblemJson;
import app.backbone.testsupport.TestTokens;
import app.backbone.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class SessionReportTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private String programId;

    @BeforeEach
    void aStrengthProgram() {
        CatalogFixture.publishGlobalLibrary();
        programId = as("report-gym").body(Map.of("memberId", "lifter-1", "goal", "STRENGTH"))
                .when().post("/programs").then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification as(String tenant) {
        return given().auth().oauth2(TestTokens.token(tenant, "integration")).contentType("application/json");
    }

    private static Map<String, Object> report(String sessionId) {
        return Map.of("sessionId", sessionId, "completedAt", "2026-11-20T18:00:00Z", "exercises", List.of(
                Map.of("exerciseId", "conventional-deadlift", "sets", List.of(
                        Map.of("reps", 5, "loadKg", 60, "warmup", true),
                        Map.of("reps", 5, "loadKg", 140, "rir", 2),
                        Map.of("reps", 5, "loadKg", 140, "rir", 1))),
                Map.of("exerciseId", "tennis-ball-shoulder-blade-release", "sets", List.of(
                        Map.of("seconds", 60)))));
    }

    private static List<JsonNode> eventsOf(TopicReader reader, String sessionId) {
        return reader.poll().stream().map(ConsumerRecord::value).map(SessionReportTest::read)
                .filter(e -> sessionId.equals(e.get("sessionId").asText())).toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }

    @Test
    void aReportIsPublishedOnceWithThePrescriptionAndMatchesTheSchema() throws Exception {
        String sessionId = "s-" + UUID.randomUUID();
        String eventId = as("report-gym").header("Idempotency-Key", "k-" + sessionId).body(report(sessionId))
                .when().post("/programs/" + programId + "/sessions")
                .then().statusCode(202).body("sets", equalTo(4)).extract().path("eventId");
        as("report-gym").header("Idempotency-Key", "k-" + sessionId).body(report(sessionId))
                .when().post("/programs/" + programId + "/sessions")
                .then().statusCode(202).body("eventId", equalTo(eventId));

        String laterSession = sessionId + "-later";
        as("report-gym").body(report(laterSession)).when().post("/programs/" + programId + "/sessions")
                .then().statusCode(202);

        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Path.of("contracts/training.sessions.completed.schema.json").toUri());
        try (TopicReader reader = new TopicReader(SessionTopics.COMPLETED)) {
            // Same member, same partition, relayed in order: once the later session is read, any repeat of
            // the first would have been read before it.
            await().atMost(WAIT).until(() -> !eventsOf(reader, laterSession).isEmpty());
            List<JsonNode> events = eventsOf(reader, sessionId);
            assertEquals(1, events.size());
            JsonNode event = events.get(0);
            assertTrue(schema.validate(event).isEmpty(), () -> schema.validate(event).toString());
            assertEquals(eventId, event.get("eventId").asText());
            assertEquals("report-gym", event.get("tenantId").asText());
            assertEquals("lifter-1", event.get("memberId").asText());
            JsonNode deadlift = event.get("exercises").get(0);
            assertEquals(3, deadlift.get("prescription").get("repsMin").asInt());
            assertEquals(6, deadlift.get("prescription").get("repsMax").asInt());
            assertTrue(deadlift.get("sets").get(0).get("warmup").asBoolean());
            assertTrue(event.get("exercises").get(1).get("prescription") == null);
        }
    }

    @Test
    void theSessionIdAloneMakesARetrySafe() {
        String sessionId = "s-" + UUID.randomUUID();
        String first = as("report-gym").body(report(sessionId)).when().post("/programs/" + programId + "/sessions")
                .then().statusCode(202).extract().path("eventId");
        as("report-gym").body(report(sessionId)).when().post("/programs/" + programId + "/sessions")
                .then().statusCode(202).body("eventId", equalTo(first));
    }

    @Test
    void aKeyReusedForAnotherReportIsRefused() {
        String sessionId = "s-" + UUID.randomUUID();
        as("report-gym").header("Idempotency-Key", "k-" + sessionId).body(report(sessionId))
                .when().post("/programs/" + programId + "/sessions").then().statusCode(202);
        as("report-gym").header("Idempotency-Key", "k-" + sessionId).body(report(sessionId + "-other"))
                .when().post("/programs/" + programId + "/sessions")
                .then().statusCode(422).contentType(ProblemJson.MEDIA_TYPE);
    }

    @Test
    void impossibleOrUnknownWorkIsAProblemAndPublishesNothing() {
        Map<String, Object> negative = Map.of("sessionId", "bad-1", "completedAt", "2026-11-20T18:00:00Z",
                "exercises", List.of(Map.of("exerciseId", "conventional-deadlift",
                        "sets", List.of(Map.of("reps", -3, "loadKg", 2000)))));
        as("report-gym").body(negative).when().post("/programs/" + programId + "/sessions")
                .then().statusCode(400).contentType(ProblemJson.MEDIA_TYPE)
                .body("errors.field", hasItem("exercises[0].sets[0].reps"))
                .body("errors.field", hasItem("exercises[0].sets[0].loadKg"));
        Map<String, Object> unknown = Map.of("sessionId", "bad-2", "completedAt", "2026-11-20T18:00:00Z",
                "exercises", List.of(Map.of("exerciseId", "moon-walk", "sets", List.of(Map.of("reps", 3)))));
        as("report-gym").body(unknown).when().post("/programs/" + programId + "/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("exercises[0].exerciseId"));
        Map<String, Object> untimed = Map.of("sessionId", "bad-3", "completedAt", "2026-11-20T18:00:00Z",
                "exercises", List.of(Map.of("exerciseId", "knee-hug-stretch", "sets", List.of(Map.of("reps", 3)))));
        as("report-gym").body(untimed).when().post("/programs/" + programId + "/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("exercises[0].sets[0].seconds"));
        as("report-gym").body(Map.of("completedAt", "2026-11-20T18:00:00Z", "exercises", List.of(Map.of(
                "exerciseId", "conventional-deadlift", "sets", List.of(Map.of("reps", 3))))))
                .when().post("/programs/" + programId + "/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("sessionId"));
    }

    @Test
    void anotherTenantsProgramIsNotFound() {
        as("stranger-gym").body(report("s-stranger")).when().post("/programs/" + programId + "/sessions")
                .then().statusCode(404).contentType(ProblemJson.MEDIA_TYPE);
    }
}
