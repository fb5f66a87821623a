package app.backbone.logging.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import app.backbone.common.messaging.DeadLetters;
import app.backbone.logging.domain.TrainingSession;
import app.backbone.testsupport.RetryMetrics;
import app.backbone.testsupport.TableOutage;
import app.backbone.testsupport.TestTokens;
import app.backbone.testsupport.TopicReader;
import app.backbone.testsupport.TopicWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SessionIngestTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String STORE = "SessionStore.store";

    @Inject
    DataSource dataSource;

    static String event(UUID eventId, String tenant, String member, String sessionId, double loadKg) {
        return """
                {"eventId":"%s","schemaVersion":1,"occurredAt":"2026-11-20T18:05:00Z","tenantId":"%s",
                 "memberId":"%s","sessionId":"%s","completedAt":"2026-11-20T18:00:00Z","exercises":[
                 {"exerciseId":"romanian-deadlift","prescription":{"sets":4,"repsMin":8,"repsMax":10},
                  "sets":[{"reps":8,"loadKg":%s,"rir":2,"toFailure":false,"warmup":false}]}]}
                """.formatted(eventId, tenant, member, sessionId, loadKg);
    }

    private static long sessions(String tenant, String sessionId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> TrainingSession.count("tenantId = ?1 and sessionId = ?2", tenant, sessionId));
    }

    @Test
    void aRedeliveredOrRepublishedEventIsStoredOnce() {
        UUID eventId = UUID.randomUUID();
        String sessionId = "once-" + eventId;
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(SessionTopics.COMPLETED, "m-once", event(eventId, "ingest-gym", "m-once", sessionId, 80));
            writer.send(SessionTopics.COMPLETED, "m-once", event(eventId, "ingest-gym", "m-once", sessionId, 80));
            writer.send(SessionTopics.COMPLETED, "m-once",
                    event(UUID.randomUUID(), "ingest-gym", "m-once", sessionId, 80));
            writer.send(SessionTopics.COMPLETED, "m-once",
                    event(UUID.randomUUID(), "ingest-gym", "m-once", sessionId + "-marker", 80));
        }
        await().atMost(WAIT).until(() -> sessions("ingest-gym", sessionId + "-marker") == 1);
        assertEquals(1, sessions("ingest-gym", sessionId));
        given().auth().oauth2(TestTokens.token("ingest-gym", "trainer"))
                .when().get("/members/m-once/sessions")
                .then().statusCode(200)
                .body("items.sessionId", containsInAnyOrder(sessionId + "-marker", sessionId));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheReasonWhileGoodOnesAroundThemAreStored() {
        String before = "before-" + UUID.randomUUID();
        String after = "after-" + UUID.randomUUID();
        String impossible = "impossible-" + UUID.randomUUID();
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(SessionTopics.COMPLETED, "m-poison", event(UUID.randomUUID(), "ingest-gym", "m-poison",
                    before, 100));
            writer.send(SessionTopics.COMPLETED, "m-poison", "{this is not json");
            writer.send(SessionTopics.COMPLETED, "m-poison", event(UUID.randomUUID(), "ingest-gym", "m-poison",
                    impossible, 2000));
            writer.send(SessionTopics.COMPLETED, "m-poison", event(UUID.randomUUID(), "ingest-gym", "m-poison",
                    after, 100));
        }
        await().atMost(WAIT).until(() -> sessions("ingest-gym", after) == 1);
        assertEquals(1, sessions("ingest-gym", before));
        assertEquals(0, sessions("ingest-gym", impossible));
        try (TopicReader dlq = new TopicReader(SessionTopics.REJECTED)) {
            await().atMost(WAIT).until(() -> rejects(dlq.poll(), "m-poison").size() >= 2);
            List<String> reasons = rejects(dlq.poll(), "m-poison");
            assertTrue(reasons.stream().anyMatch(r -> r.startsWith("not JSON")), reasons::toString);
            assertTrue(reasons.stream().anyMatch(r -> r.startsWith("schema violation")
                    && r.contains("loadKg: must be 0-1000")), reasons::toString);
        }
    }

    @Test
    void aChainsOwnTopicCarriesOnlyThatChainsSessionsWhateverTheRecordSays() {
        String own = "own-" + UUID.randomUUID();
        String forged = "forged-" + UUID.randomUUID();
        String topic = SessionTopics.TENANT_PREFIX + "own-gym";
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(topic, "m-own", event(UUID.randomUUID(), "victim-gym", "m-own", forged, 100));
            writer.send(topic, "m-own", event(UUID.randomUUID(), "own-gym", "m-own", own, 100));
        }
        await().atMost(WAIT).until(() -> sessions("own-gym", own) == 1);
        assertEquals(0, sessions("victim-gym", forged) + sessions("own-gym", forged));
        try (TopicReader dlq = new TopicReader(SessionTopics.REJECTED)) {
            await().atMost(WAIT).until(() -> rejects(dlq.poll(), "m-own").size() >= 1);
            List<String> reasons = rejects(dlq.poll(), "m-own");
            assertTrue(reasons.stream().anyMatch(r -> r.equals("tenantId: 'victim-gym' is not the tenant of " + topic
                    + ", which only carries sessions of 'own-gym'")), reasons::toString);
        }
    }

    @Test
    void eventsTheSchemaAllowsButNothingCanStoreAreRejectedWhileTheBatchGoesOn() {
        String yearZero = "year-zero-" + UUID.randomUUID();
        String inverted = "inverted-" + UUID.randomUUID();
        String after = "after-" + UUID.randomUUID();
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(SessionTopics.COMPLETED, "m-range", event(UUID.randomUUID(), "ingest-gym", "m-range",
                    yearZero, 100).replace("\"completedAt\":\"2026-11-20T18:00:00Z\"",
                    "\"completedAt\":\"0000-12-31T23:00:00Z\""));
            writer.send(SessionTopics.COMPLETED, "m-range", event(UUID.randomUUID(), "ingest-gym", "m-range",
                    inverted, 100).replace("\"repsMin\":8,\"repsMax\":10", "\"repsMin\":12,\"repsMax\":8"));
            writer.send(SessionTopics.COMPLETED, "m-range", event(UUID.randomUUID(), "ingest-gym", "m-range",
                    after, 100));
        }
        await().atMost(WAIT).until(() -> sessions("ingest-gym", after) == 1);
        assertEquals(0, sessions("ingest-gym", yearZero) + sessions("ingest-gym", inverted));
        try (TopicReader dlq = new TopicReader(SessionTopics.REJECTED)) {
            await().atMost(WAIT).until(() -> rejects(dlq.poll(), "m-range").size() >= 2);
            List<String> reasons = rejects(dlq.poll(), "m-range");
            assertTrue(reasons.stream().anyMatch(r -> r.contains("years 1 to 9999")), reasons::toString);
            assertTrue(reasons.stream().anyMatch(r -> r.contains("below repsMin")), reasons::toString);
        }
    }

    @Test
    void aBatchIsRetriedWhileTheDatabaseCannotStoreItAndStoredOnceWhenItCan() throws SQLException {
        String sessionId = "db-away-" + UUID.randomUUID();
        double retriesBefore = RetryMetrics.retries(STORE);
        try (TableOutage away = TableOutage.of(dataSource, "training_session");
             TopicWriter writer = new TopicWriter()) {
            writer.send(SessionTopics.COMPLETED, "m-db-away", event(UUID.randomUUID(), "ingest-gym", "m-db-away",
                    sessionId, 90));
            await().atMost(WAIT).until(() -> RetryMetrics.retries(STORE) >= retriesBefore + 2);
        }
        await().atMost(WAIT).until(() -> sessions("ingest-gym", sessionId) == 1);
        // A record rejected under the same key follows it into the same partition of the dead-letter topic: once
        // it is there, a dead-lettered copy of the stored session would be too.
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(SessionTopics.COMPLETED, "m-db-away", "{rejected after the outage");
        }
        try (TopicReader dlq = new TopicReader(SessionTopics.REJECTED)) {
            await().atMost(WAIT).until(() -> rejects(dlq.poll(), "m-db-away").size() >= 1);
            assertEquals(1, dlq.poll().stream().filter(r -> "m-db-away".equals(r.key())).count());
        }
    }

    private static List<String> rejects(List<ConsumerRecord<String, String>> records, String member) {
        return records.stream().filter(r -> member.equals(r.key()))
                .map(r -> new String(r.headers().lastHeader(DeadLetters.REASON_HEADER).value(),
                        StandardCharsets.UTF_8))
                .toList();
    }
}
