package app.backbone.logging.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.backbone.logging.domain.TrainingSession;
import app.backbone.logging.messaging.SessionTopics;
import app.backbone.testsupport.ProblemJson;
import app.backbone.testsupport.TestTokens;
import app.backbone.testsupport.TopicWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SessionResourceTest {

    private static volatile boolean published;

    @BeforeEach
    void twoSessionsWereIngested() {
        if (published) {
            return;
        }
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(SessionTopics.COMPLETED, "member-3", session("s-1", "2026-11-02T18:00:00Z"));
            writer.send(SessionTopics.COMPLETED, "member-3", session("s-2", "2026-11-05T18:00:00Z"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> TrainingSession.count("tenantId", "gym-a")) == 2);
        published = true;
    }

    private static String session(String sessionId, String completedAt) {
        return """
                {"eventId":"%s","schemaVersion":1,"occurredAt":"%s","tenantId":"gym-a","memberId":"member-3",
                 "sessionId":"%s","completedAt":"%s","exercises":[{"exerciseId":"goblet-squat",
                 "sets":[{"reps":10,"loadKg":20,"rir":2,"toFailure":false,"warmup":false}]}]}
                """.formatted(UUID.randomUUID(), completedAt, sessionId, completedAt);
    }

    @Test
    void sessionsInTheRangeComeNewestFirst() {
        given().auth().oauth2(TestTokens.token("gym-a", "trainer"))
                .when().get("/members/member-3/sessions")
                .then().statusCode(200)
                .body("items.sessionId", contains("s-2", "s-1"))
                .body("total", equalTo(2));
        given().auth().oauth2(TestTokens.token("gym-a", "integration"))
                .queryParam("from", "2026-11-01").queryParam("to", "2026-11-02")
                .when().get("/members/member-3/sessions")
                .then().statusCode(200)
                .body("items.sessionId", contains("s-1"));
    }

    @Test
    void anotherTenantSeesNoneOfTheSessionsItsOwnerSees() {
        given().auth().oauth2(TestTokens.token("gym-a", "trainer"))
                .when().get("/members/member-3/sessions")
                .then().statusCode(200)
                .body("total", equalTo(2));
        given().auth().oauth2(TestTokens.token("gym-b", "trainer"))
                .when().get("/members/member-3/sessions")
                .then().statusCode(200)
                .body("items", empty())
                .body("total", equalTo(0));
    }

    @Test
    void badDatesAreProblems() {
        given().auth().oauth2(TestTokens.token("gym-a", "trainer"))
                .queryParam("from", "yesterday")
                .when().get("/members/member-3/sessions")
                .then().statusCode(400).contentType(ProblemJson.MEDIA_TYPE);
        given().auth().oauth2(TestTokens.token("gym-a", "trainer"))
                .queryParam("from", "2026-11-05").queryParam("to", "2026-11-01")
                .when().get("/members/member-3/sessions")
                .then().statusCode(400).contentType(ProblemJson.MEDIA_TYPE)
                .body("errors.field", contains("to"));
    }
}
