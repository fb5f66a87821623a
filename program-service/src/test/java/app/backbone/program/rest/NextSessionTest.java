package app.backbone.program.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.backbone.program.messaging.CatalogFixture;
import app.backbone.program.messaging.ProgressRecords;
import app.backbone.program.messaging.ProgressTopics;
import app.backbone.testsupport.TestTokens;
import app.backbone.testsupport.TopicReader;
import app.backbone.testsupport.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The next session through the API, with loads from progress records published on the real broker as
 * logging-service publishes them.
 */
@QuarkusTest
class NextSessionTest {

    private static final String TENANT = "next-gym";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Clock clock;

    private String member;
    private String programId;

    @BeforeEach
    void aHypertrophyProgram() {
        CatalogFixture.publishGlobalLibrary();
        member = "lifter-" + UUID.randomUUID();
        programId = trainer().body(Map.of("memberId", member, "goal", "HYPERTROPHY")).when().post("/programs")
                .then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification trainer() {
        return given().auth().oauth2(TestTokens.token(TENANT, "trainer")).contentType("application/json");
    }

    private JsonPath next() {
        return trainer().when().get("/programs/" + programId + "/next-session").then().statusCode(200).extract()
                .jsonPath();
    }

    private static Map<String, Object> loaded(JsonPath session, String exerciseId) {
        return session.getMap("blocks.prescriptions.flatten().find { it.exerciseId == '" + exerciseId + "' }");
    }

    private static void assertKg(String expected, Object actual, String... why) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(String.valueOf(actual))),
                () -> String.join(" ", why) + " expected " + expected + " kg, was " + actual);
    }

    private void publish(long revision, List<Map<String, Object>> exercises, String pull, String push) {
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(ProgressTopics.MEMBER_PROGRESS, ProgressRecords.key(TENANT, member),
                    ProgressRecords.json(TENANT, member, revision, exercises, pull, push));
        }
    }

    private void report() {
        trainer().body(Map.of("sessionId", "s-" + UUID.randomUUID(), "completedAt",
                clock.instant().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString(),
                "exercises", List.of(Map.of("exerciseId", "romanian-deadlift",
                        "sets", List.of(Map.of("reps", 10, "loadKg", 60, "rir", 2))))))
                .when().post("/programs/" + programId + "/sessions").then().statusCode(202);
    }

    @Test
    void withNothingLearnedTheFirstSessionIsAnsweredWithoutLoadsAndSaysSo() {
        JsonPath session = next();

        assertEquals(1, session.getInt("week"));
        assertEquals(1, session.getInt("sessionIndex"));
        assertFalse(session.getBoolean("deload"));
        assertNull(session.get("progress.computedAt"));
        Map<String, Object> hinge = loaded(session, "romanian-deadlift");
        assertNull(hinge.get("loadKg"));
        assertTrue(((String) hinge.get("loadReason")).startsWith("No progress learned"), hinge::toString);
        assertTrue(session.getList("notes").toString().contains("Nothing has been learned"));
    }

    @Test
    void theLoadsFollowTheNewestProgressAndPullingShortOfTwoToOneAddsAnAccessory() {
        publish(2, List.of(ProgressRecords.exercise("romanian-deadlift", "INCREASE", "65", "60"),
                ProgressRecords.exercise("two-handle-cable-row", "DELOAD", "47.5", "52.5")), "7.5", "4");
        await().atMost(WAIT).until(() -> next().get("progress.revision") != null);

        JsonPath session = next();
        assertKg("65", loaded(session, "romanian-deadlift").get("loadKg"));
        assertEquals("INCREASE: as the rule says", loaded(session, "romanian-deadlift").get("loadReason"));
        assertKg("47.5", loaded(session, "two-handle-cable-row").get("loadKg"));
        Map<String, Object> unknown = loaded(session, "single-arm-lat-pulldown");
        assertNull(unknown.get("loadKg"));
        assertTrue(((String) unknown.get("loadReason")).startsWith("No loaded working sets"), unknown::toString);
        // 7.5 pull to 4 push hard sets is below 2:1: one pulling accessory of 2-3 x 12-15 more.
        List<Map<String, Object>> accessories = session.getList("blocks.find { it.type == 'ACCESSORY' }.prescriptions");
        assertEquals(1, accessories.size());
        assertEquals(List.of(2, 3, 12, 15), List.of(accessories.get(0).get("sets"), accessories.get(0).get("setsMax"),
                accessories.get(0).get("repsMin"), accessories.get(0).get("repsMax")));
        assertTrue(((String) accessories.get(0).get("rationale")).contains("7.5 hard sets of pulling to 4"));
        assertFalse(session.getBoolean("progress.stale"));

        publish(1, List.of(ProgressRecords.exercise("romanian-deadlift", "HOLD", "40", "40")), "8", "4");
        publish(3, List.of(ProgressRecords.exercise("romanian-deadlift", "HOLD", "65", "65")), "8", "4");
        await().atMost(WAIT).until(() -> next().getInt("progress.revision") == 3);
        JsonPath balanced = next();
        assertKg("65", loaded(balanced, "romanian-deadlift").get("loadKg"));
        assertNull(balanced.get("blocks.find { it.type == 'ACCESSORY' }"), "8 to 4 is 2:1, nothing added");
    }

    @Test
    void aSessionReportedSinceTheProgressWasComputedMakesItStaleAndMovesToTheNextSession() {
        publish(1, List.of(ProgressRecords.exercise("romanian-deadlift", "INCREASE", "65", "60")), "10", "0");
        await().atMost(WAIT).until(() -> next().get("progress.revision") != null);
        report();

        JsonPath session = next();
        assertEquals(2, session.getInt("week"));
        assertTrue(session.getBoolean("progress.stale"));
        assertTrue(session.getList("notes").toString().contains("before the session reported last"));
        assertKg("65", loaded(session, "romanian-deadlift").get("loadKg"), "what was last learned still counts");
    }

    @Test
    void theDeloadWeekHoldsTheLastLoadWithHalfTheSets() {
        publish(1, List.of(ProgressRecords.exercise("romanian-deadlift", "INCREASE", "65", "60")), "2", "4");
        await().atMost(WAIT).until(() -> next().get("progress.revision") != null);
        report();
        report();
        report();

        JsonPath session = next();
        assertEquals(4, session.getInt("week"));
        assertTrue(session.getBoolean("deload"));
        Map<String, Object> hinge = loaded(session, "romanian-deadlift");
        assertKg("60", hinge.get("loadKg"));
        assertEquals(2, hinge.get("sets"), "the hypertrophy hinge's 4 sets halved");
        assertTrue(((String) hinge.get("loadReason")).startsWith("Deload week"));
        assertNull(session.get("blocks.find { it.type == 'ACCESSORY' }"), "no extra volume in a deload week");
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicAndATombstoneForgetsTheMember() {
        try (TopicReader dlq = new TopicReader("training.member-progress.program-service.dlq");
             TopicWriter writer = new TopicWriter()) {
            writer.send(ProgressTopics.MEMBER_PROGRESS, "no-slash-" + member, "{}");
            writer.send(ProgressTopics.MEMBER_PROGRESS, ProgressRecords.key(TENANT, member),
                    ProgressRecords.json("other-gym", member, 5, "romanian-deadlift", "HOLD", "1", "1", "0", "0"));
            writer.send(ProgressTopics.MEMBER_PROGRESS, ProgressRecords.key(TENANT, member),
                    ProgressRecords.json(TENANT, member, 4, "romanian-deadlift", "HOLD", "70", "70", "0", "0"));
            await().atMost(WAIT).until(() -> next().get("progress.revision") != null);
            assertKg("70", loaded(next(), "romanian-deadlift").get("loadKg"));
            List<String> dead = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                dlq.poll().stream().map(ConsumerRecord::key).filter(k -> k.contains(member)).forEach(dead::add);
                return dead.size() == 2;
            });

            writer.send(ProgressTopics.MEMBER_PROGRESS, ProgressRecords.key(TENANT, member), null);
        }
        await().atMost(WAIT).until(() -> next().get("progress.revision") == null);
    }

    @Test
    void anotherTenantsProgramHasNoNextSession() {
        given().auth().oauth2(TestTokens.token("elsewhere-gym", "trainer"))
                .when().get("/programs/" + programId + "/next-session")
                .then().statusCode(404).body("status", equalTo(404));
    }
}
