package app.backbone.logging.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;

import jakarta.transaction.Transactional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.backbone.logging.domain.TrainingSession;
import app.backbone.testsupport.ProblemJson;
import app.backbone.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SessionResourceTest {

    @BeforeEach
    @Transactional
    void storeTwoSessions() {
        if (TrainingSession.count("tenantId", "gym-a") > 0) {
            return;
        }
        store("s-1", "2026-11-02T18:00:00Z");
        store("s-2", "2026-11-05T18:00:00Z");
    }

    private static void store(String sessionId, String completedAt) {
        TrainingSession session = new TrainingSession();
        session.tenantId = "gym-a";
        session.memberId = "member-3";
        session.sessionId = sessionId;
        session.completedAt = Instant.parse(completedAt);
        session.receivedAt = session.completedAt;
        session.persist();
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
    void anotherTenantSeesNoSessions() {
        given().auth().oauth2(TestTokens.token("gym-b", "trainer"))
                .when().get("/members/member-3/sessions")
                .then().statusCode(200)
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
