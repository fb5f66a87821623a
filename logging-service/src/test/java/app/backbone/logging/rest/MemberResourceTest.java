package app.backbone.logging.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.backbone.logging.Rebuilds;
import app.backbone.logging.domain.TrainingSession;
import app.backbone.logging.messaging.SessionTopics;
import app.backbone.testsupport.ProblemJson;
import app.backbone.testsupport.TestTokens;
import app.backbone.testsupport.TopicWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class MemberResourceTest {

    private static final String TENANT = "gym-members";
    private static volatile boolean published;

    /**
     * Sessions arriving out of order: Alpha's latest after its first, Beta's older one after its latest, and two of
     * Delta's in one batch.
     */
    @BeforeEach
    void sessionsWereIngested() {
        if (published) {
            return;
        }
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(SessionTopics.COMPLETED, "m-alpha", session("m-alpha", "a-1", "2026-10-01T18:00:00Z"));
            writer.send(SessionTopics.COMPLETED, "m-beta", session("m-beta", "b-2", "2026-11-01T18:00:00Z"));
            writer.send(SessionTopics.COMPLETED, "m-gamma", session("m-gamma", "g-1", "2026-08-01T18:00:00Z"));
        }
        awaitStored(3);
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(SessionTopics.COMPLETED, "m-alpha", session("m-alpha", "a-2", "2026-10-20T18:00:00Z"));
            writer.send(SessionTopics.COMPLETED, "m-beta", session("m-beta", "b-1", "2026-09-15T18:00:00Z"));
        }
        awaitStored(5);
        published = true;
    }

    @Test
    void membersComeNewestActivityFirstWithTheirCountsAndLatestSession() {
        as("trainer").when().get("/members")
                .then().statusCode(200)
                .body("items.memberId", contains("m-beta", "m-alpha", "m-gamma"))
                .body("items.sessions", contains(2, 2, 1))
                .body("items.lastSessionId", contains("b-2", "a-2", "g-1"))
                .body("items[0].firstSessionAt", equalTo("2026-09-15T18:00:00Z"))
                .body("items[0].lastSessionAt", equalTo("2026-11-01T18:00:00Z"))
                .body("total", equalTo(3));
    }

    @Test
    void activeSinceSearchAndPagesNarrowTheList() {
        as("integration").queryParam("activeSince", "2026-10-20").when().get("/members")
                .then().statusCode(200)
                .body("items.memberId", contains("m-beta", "m-alpha"))
                .body("total", equalTo(2));
        as("trainer").queryParam("q", "ALP").when().get("/members")
                .then().statusCode(200)
                .body("items.memberId", contains("m-alpha"))
                .body("total", equalTo(1));
        as("trainer").queryParam("size", 1).queryParam("page", 2).when().get("/members")
                .then().statusCode(200)
                .body("items.memberId", contains("m-gamma"))
                .body("total", equalTo(3));
        as("trainer").queryParam("activeSince", "2026-11-02").when().get("/members")
                .then().statusCode(200)
                .body("items", empty())
                .body("total", equalTo(0));
    }

    @Test
    void theRebuildComputesTheSameList() {
        Rebuilds.rebuild(TENANT);
        as("trainer").when().get("/members")
                .then().statusCode(200)
                .body("items.memberId", contains("m-beta", "m-alpha", "m-gamma"))
                .body("items.sessions", contains(2, 2, 1))
                .body("items.lastSessionId", contains("b-2", "a-2", "g-1"))
                .body("items[0].firstSessionAt", equalTo("2026-09-15T18:00:00Z"));
    }

    @Test
    void anotherTenantSeesNoneOfThem() {
        given().auth().oauth2(TestTokens.token("gym-members-other", "trainer")).when().get("/members")
                .then().statusCode(200)
                .body("items", empty())
                .body("total", equalTo(0));
    }

    @Test
    void badParametersAreProblemsNamingThem() {
        as("trainer").queryParam("activeSince", "last week").when().get("/members")
                .then().statusCode(400).contentType(ProblemJson.MEDIA_TYPE).body(containsString("last week"));
        for (String[] bad : new String[][] {{"activeSince", "0000-01-01"},
                {"q", "has space"}, {"q", "x".repeat(65)}, {"size", "0"}}) {
            as("trainer").queryParam(bad[0], bad[1]).when().get("/members")
                    .then().statusCode(400).contentType(ProblemJson.MEDIA_TYPE)
                    .body(containsString(bad[0]));
        }
        given().auth().oauth2(TestTokens.token(TENANT, "admin")).when().get("/members").then().statusCode(403);
        given().when().get("/members").then().statusCode(401);
    }

    private static RequestSpecification as(String role) {
        return given().auth().oauth2(TestTokens.token(TENANT, role));
    }

    private static void awaitStored(long count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> TrainingSession.count("tenantId", TENANT)) == count);
    }

    private static String session(String member, String sessionId, String completedAt) {
        return """
                {"eventId":"%s","schemaVersion":1,"occurredAt":"%s","tenantId":"%s","memberId":"%s",
                 "sessionId":"%s","completedAt":"%s","exercises":[{"exerciseId":"goblet-squat",
                 "sets":[{"reps":10,"loadKg":20,"rir":2,"toFailure":false,"warmup":false}]}]}
                """.formatted(UUID.randomUUID(), completedAt, TENANT, member, sessionId, completedAt);
    }
}
