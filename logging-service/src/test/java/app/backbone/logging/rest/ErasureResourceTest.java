package app.backbone.logging.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import app.backbone.logging.domain.TrainingSession;
import app.backbone.logging.messaging.ErasureTopics;
import app.backbone.logging.messaging.ProgressTopics;
import app.backbone.logging.messaging.SessionTopics;
import app.backbone.testsupport.ProblemJson;
import app.backbone.testsupport.TestTokens;
import app.backbone.testsupport.TopicReader;
import app.backbone.testsupport.TopicWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A member's erasure through the API and the topics: what logging-service erases and publishes, how confirmations
 * complete it, and that events of the member that occurred before it are dropped when they arrive later.
 */
@QuarkusTest
class ErasureResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TENANT = "erasure-gym";
    private static final String OTHER_TENANT = "erasure-gym-2";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Inject
    DataSource dataSource;

    @Test
    void erasureErasesHereAsksTheOthersAndCompletesOnceAllConfirmed() throws Exception {
        String member = "er-a";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(SessionTopics.COMPLETED, member, session(TENANT, member, "er-a-1", now.minus(9,
                    ChronoUnit.DAYS), now.minus(9, ChronoUnit.DAYS)));
            writer.send(SessionTopics.COMPLETED, member, session(TENANT, member, "er-a-2", now.minus(2,
                    ChronoUnit.DAYS), now.minus(2, ChronoUnit.DAYS)));
            writer.send(SessionTopics.COMPLETED, member, session(OTHER_TENANT, member, "er-a-other", now.minus(2,
                    ChronoUnit.DAYS), now.minus(2, ChronoUnit.DAYS)));
        }
        await().atMost(WAIT).until(() -> sessions(TENANT, member) == 2 && sessions(OTHER_TENANT, member) == 1);
        String key = ProgressTopics.key(TENANT, member);
        try (TopicReader progress = new TopicReader(ProgressTopics.MEMBER_PROGRESS);
             TopicReader requests = new TopicReader(ErasureTopics.REQUESTED);
             TopicReader erased = new TopicReader(ErasureTopics.ERASED)) {
            await().atMost(WAIT).until(() -> last(progress.poll(), key) != null);

            JsonPath accepted = given().auth().oauth2(TestTokens.token(TENANT, "admin"))
                    .when().delete("/members/" + member)
                    .then().statusCode(202)
                    .header("Location", endsWith("/members/" + member + "/erasure"))
                    .body("status", equalTo("PENDING"))
                    .body("services.service", contains("logging-service", "program-service"))
                    .body("services.state", contains("CONFIRMED", "PENDING"))
                    .body("completedAt", nullValue())
                    .extract().jsonPath();
            String erasureId = accepted.getString("erasureId");
            given().auth().oauth2(TestTokens.token(TENANT, "admin"))
                    .when().delete("/members/" + member)
                    .then().statusCode(202).body("erasureId", equalTo(erasureId));

            assertAnsweredAsNeverSeen(member);
            assertEquals(1, sessions(OTHER_TENANT, member), "another tenant's member of that id keeps their data");

            JsonNode request = await().atMost(WAIT).until(() -> requests.poll().stream()
                    .filter(r -> key.equals(r.key())).map(r -> json(r.value()))
                    .filter(r -> erasureId.equals(r.get("erasureId").asText())).findFirst().orElse(null),
                    r -> r != null);
            assertValid("contracts/members.erasure-requested.schema.json", request);
            assertEquals(member, request.get("memberId").asText());
            await().atMost(WAIT).until(() -> {
                ConsumerRecord<String, String> last = last(progress.poll(), key);
                return last != null && last.value() == null;
            });
            assertAuditKeepsNoMemberId(erasureId, member);

            String confirmation = confirmation(UUID.randomUUID(), erasureId, member, "program-service");
            try (TopicWriter writer = new TopicWriter()) {
                writer.send(ErasureTopics.CONFIRMED, key, confirmation);
                writer.send(ErasureTopics.CONFIRMED, key, confirmation);
                writer.send(ErasureTopics.CONFIRMED, key, confirmation(UUID.randomUUID(), erasureId, member,
                        "program-service"));
            }
            await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.token(TENANT, "integration"))
                    .when().get("/members/" + member + "/erasure")
                    .then().statusCode(200)
                    .body("erasureId", equalTo(erasureId))
                    .body("status", equalTo("DONE"))
                    .body("services.state", everyItem(equalTo("CONFIRMED"))));

            List<JsonNode> completions = await().atMost(WAIT).until(() -> erased.poll().stream()
                    .filter(r -> key.equals(r.key())).map(r -> json(r.value()))
                    .filter(r -> erasureId.equals(r.get("erasureId").asText())).toList(), l -> !l.isEmpty());
            assertEquals(0, pendingOutbox(ErasureTopics.ERASED, key));
            assertEquals(1, erased.poll().stream().filter(r -> key.equals(r.key())).count(), "published once");
            assertValid("contracts/members.erased.schema.json", completions.get(0));
            assertEquals(member, completions.get(0).get("memberId").asText());

            String again = given().auth().oauth2(TestTokens.token(TENANT, "admin"))
                    .when().delete("/members/" + member)
                    .then().statusCode(202).body("status", equalTo("PENDING"))
                    .extract().path("erasureId");
            assertFalse(erasureId.equals(again), "after DONE a new erasure starts");
        }
    }

    @Test
    void anEventThatOccurredBeforeTheErasureIsDroppedOneAfterItIsStoredAndItsProgressOutranksTheErasedOne() {
        String member = "er-late";
        String key = ProgressTopics.key(TENANT, member);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (TopicReader progress = new TopicReader(ProgressTopics.MEMBER_PROGRESS)) {
            try (TopicWriter writer = new TopicWriter()) {
                writer.send(SessionTopics.COMPLETED, member, session(TENANT, member, "late-0", now.minus(3,
                        ChronoUnit.DAYS), now.minus(3, ChronoUnit.DAYS)));
            }
            await().atMost(WAIT).until(() -> sessions(TENANT, member) == 1);
            long erasedRevision = await().atMost(WAIT).until(() -> {
                ConsumerRecord<String, String> last = last(progress.poll(), key);
                return last == null || last.value() == null ? null : json(last.value()).get("revision").asLong();
            }, revision -> revision != null);
            given().auth().oauth2(TestTokens.token(TENANT, "admin"))
                    .when().delete("/members/" + member)
                    .then().statusCode(202);
            assertEquals(0, sessions(TENANT, member));

            Instant after = Instant.now().plusSeconds(1);
            try (TopicWriter writer = new TopicWriter()) {
                writer.send(SessionTopics.COMPLETED, member, session(TENANT, member, "late-1", now.minus(1,
                        ChronoUnit.DAYS), now.minusSeconds(60)));
                writer.send(SessionTopics.COMPLETED, member, session(TENANT, member, "after-1", after, after));
            }
            await().atMost(WAIT).until(() -> sessions(TENANT, member) == 1);
            given().auth().oauth2(TestTokens.token(TENANT, "trainer"))
                    .when().get("/members/" + member + "/sessions")
                    .then().statusCode(200)
                    .body("items.sessionId", contains("after-1"));
            await().atMost(WAIT).until(() -> {
                ConsumerRecord<String, String> last = last(progress.poll(), key);
                return last != null && last.value() != null
                        && json(last.value()).get("revision").asLong() > erasedRevision;
            });
        }
    }

    @Test
    void erasureNeedsAnAdminAndIsSeenOnlyByItsTenant() {
        String member = "er-auth";
        given().when().delete("/members/" + member).then().statusCode(401);
        given().auth().oauth2(TestTokens.token(TENANT, "trainer", "integration"))
                .when().delete("/members/" + member)
                .then().statusCode(403).contentType(ProblemJson.MEDIA_TYPE);
        given().auth().oauth2(TestTokens.token(TENANT, "admin"))
                .when().get("/members/" + member + "/erasure")
                .then().statusCode(404).contentType(ProblemJson.MEDIA_TYPE);
        given().auth().oauth2(TestTokens.token(TENANT, "admin"))
                .when().delete("/members/" + member)
                .then().statusCode(202);
        given().auth().oauth2(TestTokens.token(TENANT, "admin"))
                .when().get("/members/" + member + "/erasure")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.token(OTHER_TENANT, "admin"))
                .when().get("/members/" + member + "/erasure")
                .then().statusCode(404).contentType(ProblemJson.MEDIA_TYPE);
        given().auth().oauth2(TestTokens.token(TENANT, "trainer"))
                .when().get("/members/" + member + "/erasure")
                .then().statusCode(403);
        given().when().get("/members/" + member + "/erasure").then().statusCode(401);
        given().auth().oauth2(TestTokens.token(TENANT, "admin"))
                .when().delete("/members/not a member!")
                .then().statusCode(400).contentType(ProblemJson.MEDIA_TYPE);
    }

    private static void assertAnsweredAsNeverSeen(String member) {
        given().auth().oauth2(TestTokens.token(TENANT, "trainer"))
                .when().get("/members/" + member + "/sessions")
                .then().statusCode(200).body("items", empty()).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.token(TENANT, "trainer"))
                .when().get("/members/" + member + "/volume")
                .then().statusCode(200).body("weeks.sessions", everyItem(equalTo(0)));
        given().auth().oauth2(TestTokens.token(TENANT, "trainer"))
                .queryParam("exerciseId", "goblet-squat")
                .when().get("/members/" + member + "/progression")
                .then().statusCode(404).contentType(ProblemJson.MEDIA_TYPE);
        given().auth().oauth2(TestTokens.token(TENANT, "trainer"))
                .when().get("/members/" + member + "/records")
                .then().statusCode(200).body("exercises", empty());
    }

    private void assertAuditKeepsNoMemberId(String erasureId, String member) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement("SELECT row_to_json(e)::text, (SELECT "
                     + "json_agg(s)::text FROM member_erasure_service s WHERE s.erasure_id = e.id) "
                     + "FROM member_erasure e WHERE e.id = ?::uuid")) {
            read.setString(1, erasureId);
            try (ResultSet rs = read.executeQuery()) {
                assertTrue(rs.next());
                JsonNode audit = json(rs.getString(1));
                assertFalse(rs.getString(1).contains(member), rs.getString(1));
                assertFalse(rs.getString(2).contains(member), rs.getString(2));
                assertEquals(64, audit.get("member_hash").asText().length());
                assertFalse(audit.get("requested_by").asText().isEmpty());
                assertNull(audit.get("completed_at").textValue());
            }
        }
    }

    private long pendingOutbox(String topic, String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement(
                     "SELECT count(*) FROM outbox_event WHERE topic = ? AND message_key = ?")) {
            read.setString(1, topic);
            read.setString(2, key);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long sessions(String tenant, String member) {
        return QuarkusTransaction.requiringNew().call(() -> TrainingSession.count("tenantId = ?1 and memberId = ?2",
                tenant, member));
    }

    private static ConsumerRecord<String, String> last(List<ConsumerRecord<String, String>> records, String key) {
        ConsumerRecord<String, String> last = null;
        for (ConsumerRecord<String, String> record : records) {
            if (key.equals(record.key())) {
                last = record;
            }
        }
        return last;
    }

    private static String session(String tenant, String member, String sessionId, Instant occurredAt,
            Instant completedAt) {
        return """
                {"eventId":"%s","schemaVersion":1,"occurredAt":"%s","tenantId":"%s","memberId":"%s",
                 "sessionId":"%s","completedAt":"%s","exercises":[{"exerciseId":"goblet-squat",
                 "sets":[{"reps":10,"loadKg":20,"rir":2,"toFailure":false,"warmup":false}]}]}
                """.formatted(UUID.randomUUID(), occurredAt, tenant, member, sessionId, completedAt);
    }

    private static String confirmation(UUID eventId, String erasureId, String member, String service) {
        return """
                {"eventId":"%s","schemaVersion":1,"occurredAt":"%s","erasureId":"%s","tenantId":"%s",
                 "memberId":"%s","service":"%s"}
                """.formatted(eventId, Instant.now(), erasureId, TENANT, member, service);
    }

    private static void assertValid(String schemaFile, JsonNode json) {
        JsonSchema schema = SCHEMAS.getSchema(Path.of(schemaFile).toUri());
        assertTrue(schema.validate(json).isEmpty(), () -> schema.validate(json) + " in " + json);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
