package app.backbone.logging.rest;

import static app.backbone.logging.TestEvents.exerciseDone;
import static app.backbone.logging.TestEvents.sessionCompleted;
import static app.backbone.logging.TestEvents.set;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.backbone.logging.Rebuilds;
import app.backbone.logging.domain.TrainingSession;
import app.backbone.logging.messaging.SessionTopics;
import app.backbone.testsupport.ProblemJson;
import app.backbone.testsupport.TestTokens;
import app.backbone.testsupport.TopicWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * {@code POST /figures/rebuild} as a job through the API: 202 with its Location, followed there to its end, the
 * figures it leaves, a rebuild that fails and says why, and what another tenant sees of it.
 */
@QuarkusTest
class FigureRebuildApiTest {

    private static final String TENANT = "rebuild-api-gym";
    private static final String BROKEN = "rebuild-broken-gym";

    @Inject
    DataSource dataSource;

    /*
     * ISO week 2026-W41 (Monday 5 October). Every session is one working set of 10 reps at 20 kg: 200 kg. m-one has
     * two sessions (5 and 7 October), m-two one (6 October). m-left's only session is deleted from the stored sessions
     * behind the service's back: its figures, standing and activity are left without sessions.
     */
    @Test
    void aRebuildRunsAsAJobFollowedAtItsLocationAndLeavesTheFiguresOfTheStoredSessions() throws SQLException {
        try (TopicWriter writer = new TopicWriter()) {
            send(writer, "m-one", "one-1", "2026-10-05T18:00:00Z");
            send(writer, "m-one", "one-2", "2026-10-07T18:00:00Z");
            send(writer, "m-two", "two-1", "2026-10-06T18:00:00Z");
            send(writer, "m-left", "left-1", "2026-10-06T07:00:00Z");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> week("m-left").body("sessions", equalTo(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> TrainingSession.count("tenantId", TENANT)) == 4);
        assertEquals(1, update("DELETE FROM training_session WHERE tenant_id = ? AND member_id = 'm-left'", TENANT));

        Response asked = admin(TENANT).when().post("/figures/rebuild");
        asked.then().statusCode(202).contentType("application/json");
        String location = asked.header("Location");
        String id = asked.jsonPath().getString("id");
        assertTrue(location.endsWith("/figures/rebuilds/" + id), location);
        assertTrue(Set.of("PENDING", "RUNNING", "DONE").contains(asked.jsonPath().getString("status")),
                asked::prettyPrint);
        assertNotNull(asked.jsonPath().getString("createdAt"));

        JsonPath done = Rebuilds.ended(location, TENANT);
        assertEquals("DONE", done.getString("status"), done::prettify);
        assertEquals(3, done.getInt("membersTotal"));
        assertEquals(3, done.getInt("membersDone"));
        assertEquals(100, done.getInt("percentDone"));
        assertEquals(3, done.getLong("sessionsProcessed"));
        assertEquals(1, done.getInt("attempts"));
        assertNull(done.get("failure"));
        assertNotNull(done.getString("startedAt"));
        assertNotNull(done.getString("finishedAt"));

        week("m-one").body("sessions", equalTo(2)).body("sets", equalTo(2)).body("reps", equalTo(20))
                .body("tonnageKg", equalTo(400.0f));
        week("m-two").body("sessions", equalTo(1)).body("sets", equalTo(1)).body("tonnageKg", equalTo(200.0f));
        week("m-left").body("sessions", equalTo(0)).body("sets", equalTo(0));
        trainer(TENANT).when().get("/members").then().statusCode(200)
                .body("items.memberId", contains("m-one", "m-two"))
                .body("items.sessions", contains(2, 1));
        assertEquals(0, count("SELECT count(*) FROM member_progress WHERE tenant_id = ? AND member_id = 'm-left'"));
        assertEquals(0, count("SELECT count(*) FROM exercise_standing WHERE tenant_id = ? AND member_id = 'm-left'"));

        admin(TENANT).when().get("/figures/rebuilds").then().statusCode(200)
                .body("items[0].id", equalTo(id)).body("items[0].status", equalTo("DONE"))
                .body("total", equalTo(1));
        admin("rebuild-api-other").when().get(location)
                .then().statusCode(404).contentType(ProblemJson.MEDIA_TYPE);
        admin("rebuild-api-other").when().get("/figures/rebuilds").then().statusCode(200).body("total", equalTo(0));
        admin(TENANT).when().get("/figures/rebuilds/not-a-rebuild")
                .then().statusCode(400).contentType(ProblemJson.MEDIA_TYPE);
    }

    /*
     * A stored session whose exercises cannot be read (written behind the service's back) fails the recompute of its
     * member. Once it is gone, asking again starts a new rebuild, which finds no member left.
     */
    @Test
    void aRebuildThatFailsSaysWhyAndAskingAgainStartsANewOne() throws SQLException {
        update("INSERT INTO training_session (tenant_id, member_id, session_id, completed_at, received_at, exercises) "
                + "VALUES (?, 'm-broken', 'broken-1', now(), now(), '{\"not\": \"a list\"}')", BROKEN);
        JsonPath failed;
        try {
            failed = Rebuilds.ended(Rebuilds.ask(BROKEN), BROKEN);
        } finally {
            update("DELETE FROM training_session WHERE tenant_id = ?", BROKEN);
        }
        assertEquals("FAILED", failed.getString("status"), failed::prettify);
        assertEquals("urn:backbone:problem:internal", failed.getString("failure.type"));
        assertEquals("Rebuild failed", failed.getString("failure.title"));
        assertTrue(failed.getString("failure.detail").contains("Unreadable stored session"), failed::prettify);
        assertEquals(0, failed.getInt("membersDone"));
        assertNotNull(failed.getString("finishedAt"));

        JsonPath again = Rebuilds.rebuild(BROKEN);
        assertNotEquals(failed.getString("id"), again.getString("id"));
        assertEquals(0, again.getInt("membersTotal"));
        assertEquals(100, again.getInt("percentDone"));
    }

    private static void send(TopicWriter writer, String member, String sessionId, String completedAt) {
        writer.send(SessionTopics.COMPLETED, member, sessionCompleted(TENANT, member, sessionId, completedAt,
                exerciseDone("rebuild-row", null, set(10, 20, 2, false))));
    }

    private static ValidatableResponse week(String member) {
        return trainer(TENANT).queryParam("from", "2026-10-05").queryParam("to", "2026-10-11")
                .when().get("/members/" + member + "/volume")
                .then().statusCode(200).rootPath("weeks[0]");
    }

    private static RequestSpecification admin(String tenant) {
        return given().auth().oauth2(TestTokens.token(tenant, "admin"));
    }

    private static RequestSpecification trainer(String tenant) {
        return given().auth().oauth2(TestTokens.token(tenant, "trainer"));
    }

    private int update(String sql, String tenant) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant);
            return statement.executeUpdate();
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, TENANT);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
