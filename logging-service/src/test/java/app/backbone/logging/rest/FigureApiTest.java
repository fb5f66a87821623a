package app.backbone.logging.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.backbone.common.catalog.CatalogTopic;
import app.backbone.logging.domain.TrainingSession;
import app.backbone.logging.domain.figures.IsoWeek;
import app.backbone.logging.messaging.SessionTopics;
import app.backbone.testsupport.ProblemJson;
import app.backbone.testsupport.TestTokens;
import app.backbone.testsupport.TopicWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Figures end to end through the real broker and database, against numbers worked out by hand from a
 * hypertrophy-style week (Romanian deadlift 3 x 10 at 100 kg after a warm-up, two-handle cable row 4 x 12 at 50 kg).
 */
@QuarkusTest
class FigureApiTest {

    private static final String TENANT = "figures-gym";
    private static final String MEMBER = "fig-member";
    private static volatile boolean published;

    private static String session(String sessionId, String completedAt, String exercises) {
        return """
                {"eventId":"%s","schemaVersion":1,"occurredAt":"%s","tenantId":"%s","memberId":"%s",
                 "sessionId":"%s","completedAt":"%s","exercises":[%s]}
                """.formatted(UUID.randomUUID(), completedAt, TENANT, MEMBER, sessionId, completedAt, exercises);
    }

    private static String rdl(String sets) {
        return "{\"exerciseId\":\"fig-rdl\",\"prescription\":{\"sets\":3,\"repsMin\":8,\"repsMax\":10},\"sets\":["
                + sets + "]}";
    }

    private static String set(int reps, double loadKg, int rir, boolean warmup) {
        return "{\"reps\":%d,\"loadKg\":%s,\"rir\":%d,\"toFailure\":false,\"warmup\":%s}"
                .formatted(reps, loadKg, rir, warmup);
    }

    private static String exercise(String id, String pattern, String primary, String secondary) {
        return exercise(id, 0, pattern, primary, secondary);
    }

    private static String exercise(String id, long version, String pattern, String primary, String secondary) {
        return """
                {"eventId":"%s","schemaVersion":1,"occurredAt":"2026-11-01T00:00:00Z","exerciseId":"%s",
                 "scope":"GLOBAL","tenantId":null,"version":%d,"retired":false,"name":"%s","description":null,
                 "category":"STRENGTH","movementPattern":"%s","primaryMuscles":[%s],"secondaryMuscles":[%s],
                 "equipment":["BARBELL"],"laterality":"BILATERAL","measure":"REPS","loadable":true,
                 "contraindications":[],"cues":[],"mediaUrls":[]}
                """.formatted(UUID.randomUUID(), id, version, id, pattern, primary, secondary);
    }

    private static long stored() {
        return QuarkusTransaction.requiringNew().call(() -> TrainingSession.count("tenantId", TENANT));
    }

    private static RequestSpecification as(String tenant, String role) {
        return given().auth().oauth2(TestTokens.token(tenant, role));
    }

    @BeforeEach
    void aWeekOfTrainingArrivedOutOfOrder() {
        if (published) {
            return;
        }
        try (TopicWriter writer = new TopicWriter()) {
            String row = "{\"exerciseId\":\"fig-row\",\"prescription\":{\"sets\":4,\"repsMin\":10,\"repsMax\":12},"
                    + "\"sets\":[" + String.join(",", set(12, 50, 3, false), set(12, 50, 3, false),
                    set(12, 50, 3, false), set(12, 50, 3, false)) + "]}";
            writer.send(SessionTopics.COMPLETED, MEMBER, session("w47-row", "2026-11-19T18:00:00Z", row));
            writer.send(SessionTopics.COMPLETED, MEMBER, session("w47-rdl", "2026-11-17T18:00:00Z", rdl(
                    String.join(",", set(5, 60, 5, true), set(10, 100, 2, false), set(10, 100, 2, false),
                            set(10, 100, 2, false)))));
            writer.send(SessionTopics.COMPLETED, MEMBER, session("w46-rdl", "2026-11-10T18:00:00Z", rdl(
                    String.join(",", set(8, 95, 2, false), set(8, 95, 2, false), set(8, 95, 2, false)))));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> stored() == 3);
        published = true;
    }

    @Test
    void weeklyFiguresMatchTheHandComputedWeek() {
        // W47: 2 sessions; working sets 3 (RDL; the warm-up is left out) + 4 (row) = 7;
        // reps 30 + 48 = 78; tonnage 3 x 10 x 100 + 4 x 12 x 50 = 3000 + 2400 = 5400 kg.
        as(TENANT, "trainer").queryParam("from", "2026-11-16").queryParam("to", "2026-11-22")
                .when().get("/members/" + MEMBER + "/volume")
                .then().statusCode(200)
                .body("weeks.week", contains("2026-W47"))
                .body("weeks[0].sessions", equalTo(2))
                .body("weeks[0].sets", equalTo(7))
                .body("weeks[0].reps", equalTo(78))
                .body("weeks[0].tonnageKg", equalTo(5400.0f));

        catalogDescribesBothExercises();
        // Every working set is hard (rir <= 3): RDL 3 hard sets -> hamstrings 3, erectors 1.5;
        // row 4 hard sets -> lats 4, rhomboids 4, biceps 2. Pulls 4, pushes 0: no ratio.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(TENANT, "trainer")
                .queryParam("from", "2026-11-16").queryParam("to", "2026-11-22")
                .when().get("/members/" + MEMBER + "/volume")
                .then().statusCode(200)
                .body("weeks[0].hardSetsByMuscle.HAMSTRINGS", equalTo(3.0f))
                .body("weeks[0].hardSetsByMuscle.ERECTOR_SPINAE", equalTo(1.5f))
                .body("weeks[0].hardSetsByMuscle.LATS", equalTo(4.0f))
                .body("weeks[0].hardSetsByMuscle.BICEPS", equalTo(2.0f))
                .body("weeks[0].sessionsByMuscle.LATS", equalTo(1))
                .body("weeks[0].pullHardSets", equalTo(4))
                .body("weeks[0].pullPushRatio", nullValue()));
    }

    @Test
    void anExerciseTheCatalogDoesNotKnowYetCountsWhenItArrivesAndFollowsItsChanges() {
        String tenant = "late-facts-gym";
        String exerciseId = "late-" + UUID.randomUUID();
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(SessionTopics.COMPLETED, "late-member", """
                    {"eventId":"%s","schemaVersion":1,"occurredAt":"2026-11-18T10:00:00Z","tenantId":"%s",
                     "memberId":"late-member","sessionId":"late-1","completedAt":"2026-11-18T10:00:00Z",
                     "exercises":[{"exerciseId":"%s","sets":[%s,%s]}]}
                    """.formatted(UUID.randomUUID(), tenant, exerciseId, set(10, 80, 1, false),
                    set(10, 80, 1, false)));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(tenant, "trainer")
                .queryParam("from", "2026-11-16").queryParam("to", "2026-11-22")
                .when().get("/members/late-member/volume")
                .then().statusCode(200)
                .body("weeks[0].sessions", equalTo(1))
                .body("weeks[0].exercisesWithoutFacts", contains(exerciseId))
                .body("weeks[0].hardSetsByMuscle.GLUTES", nullValue()));
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(CatalogTopic.EXERCISES, exerciseId,
                    exercise(exerciseId, "HIP_EXTENSION", "\"GLUTES\"", "\"HAMSTRINGS\""));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(tenant, "trainer")
                .queryParam("from", "2026-11-16").queryParam("to", "2026-11-22")
                .when().get("/members/late-member/volume")
                .then().statusCode(200)
                .body("weeks[0].exercisesWithoutFacts", empty())
                .body("weeks[0].hardSetsByMuscle.GLUTES", equalTo(2.0f))
                .body("weeks[0].hardSetsByMuscle.HAMSTRINGS", equalTo(1.0f)));

        // The same range asked again after another session of that week reflects it.
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(SessionTopics.COMPLETED, "late-member", """
                    {"eventId":"%s","schemaVersion":1,"occurredAt":"2026-11-20T10:00:00Z","tenantId":"%s",
                     "memberId":"late-member","sessionId":"late-2","completedAt":"2026-11-20T10:00:00Z",
                     "exercises":[{"exerciseId":"%s","sets":[%s]}]}
                    """.formatted(UUID.randomUUID(), tenant, exerciseId, set(10, 80, 1, false)));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(tenant, "trainer")
                .queryParam("from", "2026-11-16").queryParam("to", "2026-11-22")
                .when().get("/members/late-member/volume")
                .then().statusCode(200)
                .body("weeks[0].sessions", equalTo(2))
                .body("weeks[0].hardSetsByMuscle.GLUTES", equalTo(3.0f)));

        // A newer version of the exercise moves its hard sets to other muscles in the range already asked.
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(CatalogTopic.EXERCISES, exerciseId,
                    exercise(exerciseId, 1, "SQUAT", "\"QUADRICEPS\"", "\"GLUTES\""));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(tenant, "trainer")
                .queryParam("from", "2026-11-16").queryParam("to", "2026-11-22")
                .when().get("/members/late-member/volume")
                .then().statusCode(200)
                .body("weeks[0].hardSetsByMuscle.QUADRICEPS", equalTo(3.0f))
                .body("weeks[0].hardSetsByMuscle.GLUTES", equalTo(1.5f))
                .body("weeks[0].hardSetsByMuscle.HAMSTRINGS", nullValue()));
    }

    @Test
    void everyWeekOfTheRangeIsListedEvenWithoutTraining() {
        as(TENANT, "integration").queryParam("from", "2026-11-02").queryParam("to", "2026-11-22")
                .when().get("/members/" + MEMBER + "/volume")
                .then().statusCode(200)
                .body("weeks.week", contains("2026-W45", "2026-W46", "2026-W47"))
                .body("weeks.sessions", contains(0, 1, 2));
    }

    private static void catalogDescribesBothExercises() {
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(CatalogTopic.EXERCISES, "fig-rdl",
                    exercise("fig-rdl", "HIP_HINGE", "\"HAMSTRINGS\"", "\"ERECTOR_SPINAE\""));
            writer.send(CatalogTopic.EXERCISES, "fig-row",
                    exercise("fig-row", "HORIZONTAL_PULL", "\"LATS\",\"RHOMBOIDS\"", "\"BICEPS\""));
        }
    }

    @Test
    void progressionRecordsAndTheDoubleProgressionRule() {
        catalogDescribesBothExercises();
        // Latest RDL session: every working set reached repsMax 10 -> INCREASE; a hinge steps 5 kg: 105 kg.
        // Best e1RM: 100 x (1 + (10 + 2) / 30) = 140.00 kg (the 95 kg sets give 95 x 40 / 30 = 126.67).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(TENANT, "trainer")
                .queryParam("exerciseId", "fig-rdl")
                .when().get("/members/" + MEMBER + "/progression")
                .then().statusCode(200)
                .body("series.sessionId", contains("w46-rdl", "w47-rdl"))
                .body("records.heaviestLoad.kg", equalTo(100.0f))
                .body("records.bestE1rm.kg", equalTo(140.0f))
                .body("recommendation.action", equalTo("INCREASE"))
                .body("recommendation.nextLoadKg", equalTo(105.0f)));
        as(TENANT, "trainer").when().get("/members/" + MEMBER + "/records")
                .then().statusCode(200)
                .body("exercises.exerciseId", contains("fig-rdl", "fig-row"));
    }

    @Test
    void aRebuildFromStoredSessionsGivesTheSameFigures() {
        catalogDescribesBothExercises();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(TENANT, "trainer")
                .queryParam("from", "2026-11-16").queryParam("to", "2026-11-22")
                .when().get("/members/" + MEMBER + "/volume")
                .then().statusCode(200).body("weeks[0].exercisesWithoutFacts", empty()));
        String volume = as(TENANT, "trainer").queryParam("from", "2026-11-02").queryParam("to", "2026-11-22")
                .when().get("/members/" + MEMBER + "/volume").then().statusCode(200).extract().asString();
        String progression = as(TENANT, "trainer").queryParam("exerciseId", "fig-rdl")
                .when().get("/members/" + MEMBER + "/progression").then().statusCode(200).extract().asString();
        as(TENANT, "admin").when().post("/figures/rebuild")
                .then().statusCode(200).body("members", equalTo(1)).body("sessions", equalTo(3));
        assertEquals(volume, as(TENANT, "trainer").queryParam("from", "2026-11-02").queryParam("to", "2026-11-22")
                .when().get("/members/" + MEMBER + "/volume").then().statusCode(200).extract().asString());
        assertEquals(progression, as(TENANT, "trainer").queryParam("exerciseId", "fig-rdl")
                .when().get("/members/" + MEMBER + "/progression").then().statusCode(200).extract().asString());
    }

    @Test
    void anotherTenantSeesNothingOfWhatTheOwnerSees() {
        as(TENANT, "trainer").queryParam("from", "2026-11-16").queryParam("to", "2026-11-22")
                .when().get("/members/" + MEMBER + "/volume")
                .then().statusCode(200).body("weeks[0].sessions", equalTo(2));
        as("other-gym", "trainer").queryParam("from", "2026-11-16").queryParam("to", "2026-11-22")
                .when().get("/members/" + MEMBER + "/volume")
                .then().statusCode(200).body("weeks[0].sessions", equalTo(0)).body("weeks[0].sets", equalTo(0));
        as(TENANT, "trainer").queryParam("exerciseId", "fig-rdl")
                .when().get("/members/" + MEMBER + "/progression")
                .then().statusCode(200);
        as("other-gym", "trainer").queryParam("exerciseId", "fig-rdl")
                .when().get("/members/" + MEMBER + "/progression")
                .then().statusCode(404).contentType(ProblemJson.MEDIA_TYPE);
        as(TENANT, "trainer").when().get("/members/" + MEMBER + "/records")
                .then().statusCode(200).body("exercises.exerciseId", contains("fig-rdl", "fig-row"));
        as("other-gym", "trainer").when().get("/members/" + MEMBER + "/records")
                .then().statusCode(200).body("exercises", empty());
    }

    @Test
    void withoutFromAndToTheVolumeCoversTheTwelveWeeksUpToToday() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        as(TENANT, "trainer").when().get("/members/" + MEMBER + "/volume")
                .then().statusCode(200)
                .body("from", equalTo(IsoWeek.of(today.minusWeeks(11)).toString()))
                .body("to", equalTo(IsoWeek.of(today).toString()))
                .body("weeks", hasSize(12));
    }

    @Test
    void badQueryParametersAreProblems() {
        as(TENANT, "trainer").queryParam("from", "2026-11-22").queryParam("to", "2026-11-01")
                .when().get("/members/" + MEMBER + "/volume")
                .then().statusCode(400).contentType(ProblemJson.MEDIA_TYPE).body("errors[0].field", equalTo("to"));
        as(TENANT, "trainer").queryParam("from", "last monday")
                .when().get("/members/" + MEMBER + "/volume")
                .then().statusCode(400).contentType(ProblemJson.MEDIA_TYPE);
        as(TENANT, "trainer").queryParam("from", "2000-01-03").queryParam("to", "2026-11-22")
                .when().get("/members/" + MEMBER + "/volume")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        as(TENANT, "trainer").when().get("/members/" + MEMBER + "/progression")
                .then().statusCode(400).body("errors[0].field", equalTo("exerciseId"));
    }

    @Test
    void onlyAnAdminMayRebuild() {
        as(TENANT, "trainer").when().post("/figures/rebuild").then().statusCode(403);
        as(TENANT, "integration").when().post("/figures/rebuild").then().statusCode(403);
    }
}
