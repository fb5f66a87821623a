package app.backbone.program.rest;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import app.backbone.common.outbox.OutboxEvent;
import app.backbone.program.domain.SessionReport;
import app.backbone.program.messaging.CatalogFixture;
import app.backbone.program.messaging.SessionTopics;
import app.backbone.testsupport.ProblemJson;
import app.backbone.testsupport.TestTokens;
import app.backbone.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class SessionReportTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Clock clock;

    @TestHTTPResource("/")
    URI base;

    private String programId;
    /** Yesterday at this time by the service's clock, set before each test: a session that is certainly over. */
    private String completedAt;

    @BeforeEach
    void aStrengthProgram() {
        completedAt = clock.instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString();
        CatalogFixture.publishGlobalLibrary();
        programId = as("report-gym").body(Map.of("memberId", "lifter-1", "goal", "STRENGTH"))
                .when().post("/programs").then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification as(String tenant) {
        return given().auth().oauth2(TestTokens.token(tenant, "integration")).contentType("application/json");
    }

    private Map<String, Object> report(String sessionId) {
        return Map.of("sessionId", sessionId, "completedAt", completedAt, "exercises", List.of(
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

    /**
     * Reports one more session of the same member and waits until the reader has it. Same member, same partition,
     * relayed in order: whatever was stored for publication before it has been read by then.
     */
    private void reportAnotherAndReadUpToIt(TopicReader reader) {
        String marker = "marker-" + UUID.randomUUID();
        as("report-gym").body(report(marker)).when().post("/programs/" + programId + "/sessions")
                .then().statusCode(202);
        await().atMost(WAIT).until(() -> !eventsOf(reader, marker).isEmpty());
    }

    private static long storedReports(String sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> SessionReport.count("sessionId", sessionId));
    }

    private static long pendingEventsMentioning(String sessionId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.count("payload like ?1", "%\"" + sessionId + "\"%"));
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

        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Path.of("contracts/training.sessions.completed.schema.json").toUri());
        try (TopicReader reader = new TopicReader(SessionTopics.COMPLETED)) {
            reportAnotherAndReadUpToIt(reader);
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
    void concurrentDuplicatesAreAllAnsweredTheSameAndPublishedOnce() throws Exception {
        int rounds = 5;
        int senders = 4;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<String> sessionIds = new ArrayList<>();
        try {
            for (int round = 0; round < rounds; round++) {
                String sessionId = "race-" + UUID.randomUUID();
                sessionIds.add(sessionId);
                HttpRequest request = HttpRequest.newBuilder(base.resolve("/programs/" + programId + "/sessions"))
                        .header("Authorization", "Bearer " + TestTokens.token("report-gym", "integration"))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", "k-" + sessionId)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(report(sessionId))))
                        .build();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < senders; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return http.send(request, HttpResponse.BodyHandlers.ofString());
                    }));
                }
                start.countDown();
                Set<String> bodies = new HashSet<>();
                for (Future<HttpResponse<String>> answer : answers) {
                    HttpResponse<String> response = answer.get(30, SECONDS);
                    assertEquals(202, response.statusCode(), response.body());
                    bodies.add(response.body());
                }
                assertEquals(1, bodies.size(), () -> "different answers: " + bodies);
                assertEquals(1, storedReports(sessionId), sessionId);
            }
        } finally {
            pool.shutdownNow();
        }
        try (TopicReader reader = new TopicReader(SessionTopics.COMPLETED)) {
            reportAnotherAndReadUpToIt(reader);
            for (String sessionId : sessionIds) {
                assertEquals(1, eventsOf(reader, sessionId).size(), sessionId);
                assertEquals(0, pendingEventsMentioning(sessionId), sessionId);
            }
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

    /** A report accepted by an earlier release: its fingerprint and stored answer, as that release wrote them. */
    @Test
    void aRetryOfAReportStoredByAnEarlierReleaseGetsTheAnswerGivenThen() {
        String legacyProgram = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";
        String legacyEvent = "01216f9b-175e-467f-9e71-79b113cd4c3a";
        QuarkusTransaction.requiringNew().run(() -> {
            if (SessionReport.find("legacy-gym", "legacy-key").isPresent()) {
                return;
            }
            SessionReport stored = new SessionReport();
            stored.key = new SessionReport.Key("legacy-gym", "legacy-key");
            stored.sessionId = "legacy-1";
            stored.programId = UUID.fromString(legacyProgram);
            stored.eventId = UUID.fromString(legacyEvent);
            stored.fingerprint = "6ec4a122532695a3910befc8d8d5080750eabdae7697b68e6509ab128e9a98fc";
            stored.response = "{\"sets\": 3, \"eventId\": \"" + legacyEvent + "\", \"memberId\": \"lifter-legacy\", "
                    + "\"exercises\": 2, \"programId\": \"" + legacyProgram + "\", \"sessionId\": \"legacy-1\"}";
            stored.createdAt = Instant.parse("2026-10-20T18:05:00Z");
            stored.persist();
        });
        Map<String, Object> sameReport = Map.of("sessionId", "legacy-1", "completedAt", "2026-10-20T18:00:00Z",
                "exercises", List.of(Map.of("exerciseId", "conventional-deadlift", "sets", List.of(
                        Map.of("reps", 5, "loadKg", 60.5, "warmup", true),
                        Map.of("reps", 5, "loadKg", 140, "rir", 2))),
                Map.of("exerciseId", "tennis-ball-shoulder-blade-release", "sets", List.of(
                        Map.of("seconds", 60, "toFailure", false)))));
        as("legacy-gym").header("Idempotency-Key", "legacy-key").body(sameReport)
                .when().post("/programs/" + legacyProgram + "/sessions")
                .then().statusCode(202)
                .body("eventId", equalTo(legacyEvent))
                .body("sessionId", equalTo("legacy-1"))
                .body("programId", equalTo(legacyProgram))
                .body("memberId", equalTo("lifter-legacy"))
                .body("exercises", equalTo(2))
                .body("sets", equalTo(3));
    }

    @Test
    void impossibleOrUnknownWorkIsAProblemAndPublishesNothing() {
        String negative = "bad-negative-" + UUID.randomUUID();
        as("report-gym").body(Map.of("sessionId", negative, "completedAt", completedAt,
                "exercises", List.of(Map.of("exerciseId", "conventional-deadlift",
                        "sets", List.of(Map.of("reps", -3, "loadKg", 2000))))))
                .when().post("/programs/" + programId + "/sessions")
                .then().statusCode(400).contentType(ProblemJson.MEDIA_TYPE)
                .body("errors.field", hasItem("exercises[0].sets[0].reps"))
                .body("errors.field", hasItem("exercises[0].sets[0].loadKg"));
        String unknown = "bad-unknown-" + UUID.randomUUID();
        as("report-gym").body(Map.of("sessionId", unknown, "completedAt", completedAt,
                "exercises", List.of(Map.of("exerciseId", "moon-walk", "sets", List.of(Map.of("reps", 3))))))
                .when().post("/programs/" + programId + "/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("exercises[0].exerciseId"));
        String untimed = "bad-untimed-" + UUID.randomUUID();
        as("report-gym").body(Map.of("sessionId", untimed, "completedAt", completedAt,
                "exercises", List.of(Map.of("exerciseId", "knee-hug-stretch", "sets", List.of(Map.of("reps", 3))))))
                .when().post("/programs/" + programId + "/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("exercises[0].sets[0].seconds"));
        long storedBefore = QuarkusTransaction.requiringNew().call(() -> SessionReport.count());
        as("report-gym").body(Map.of("completedAt", completedAt, "exercises", List.of(Map.of(
                "exerciseId", "conventional-deadlift", "sets", List.of(Map.of("reps", 3))))))
                .when().post("/programs/" + programId + "/sessions")
                .then().statusCode(400).body("errors[0].field", equalTo("sessionId"));
        assertEquals(storedBefore, QuarkusTransaction.requiringNew().call(() -> SessionReport.count()));

        try (TopicReader reader = new TopicReader(SessionTopics.COMPLETED)) {
            reportAnotherAndReadUpToIt(reader);
            for (String refused : List.of(negative, unknown, untimed)) {
                assertEquals(List.of(), eventsOf(reader, refused), refused);
                assertEquals(0, storedReports(refused), refused);
                assertEquals(0, pendingEventsMentioning(refused), refused);
            }
        }
    }

    @Test
    void anotherTenantsProgramIsNotFound() {
        as("stranger-gym").body(report("s-stranger")).when().post("/programs/" + programId + "/sessions")
                .then().statusCode(404).contentType(ProblemJson.MEDIA_TYPE);
    }
}
