package app.backbone.logging.service;

import static app.backbone.logging.TestEvents.exerciseDone;
import static app.backbone.logging.TestEvents.sessionCompleted;
import static app.backbone.logging.TestEvents.set;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.backbone.logging.Rebuilds;
import app.backbone.logging.domain.TrainingSession;
import app.backbone.logging.messaging.SessionTopics;
import app.backbone.testsupport.TestTokens;
import app.backbone.testsupport.TopicWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Rebuild jobs beside live ingest and other instances: ingest of the tenant goes on while its figures are rebuilt,
 * each session counted once; a second request while one runs answers that one; a job an instance left running is
 * taken over where it was once its lease has run out. Every session here is one working set of 10 reps at 20 kg
 * (200 kg) in ISO week 2026-W41, so a member's week holds as many sessions and sets as they have sessions.
 */
@QuarkusTest
class FigureRebuildJobsTest {

    @Inject
    DataSource dataSource;

    @Inject
    FigureStore figures;

    /*
     * Six members with a session each. The test holds m-3's ingest lock, so the rebuild recomputes m-0 to m-2 and
     * waits at m-3. Meanwhile a second session of m-1 (recomputed already) and one of m-5 (not yet) are stored and
     * counted by ingest, and the rebuild does not move; then one of m-3 arrives, waiting for the same lock as the
     * rebuild. Whichever of the two takes it first, every member ends with each of their sessions counted once.
     */
    @Test
    void ingestOfTheTenantGoesOnWhileItsFiguresAreRebuiltAndEverySessionCountsOnce() throws Exception {
        String tenant = "rebuild-live-gym";
        try (TopicWriter writer = new TopicWriter()) {
            for (int i = 0; i < 6; i++) {
                send(writer, tenant, "m-" + i, "first-" + i);
            }
        }
        awaitStored(tenant, 6);

        String location = whileHolding(new Member(tenant, "m-3"), () -> {
            String asked = Rebuilds.ask(tenant);
            await().atMost(Duration.ofSeconds(30)).until(() -> Rebuilds.status(asked, tenant)
                    .getInt("membersDone") == 3);
            JsonPath waiting = Rebuilds.status(asked, tenant);
            assertEquals("RUNNING", waiting.getString("status"));
            assertEquals(6, waiting.getInt("membersTotal"));
            assertEquals(50, waiting.getInt("percentDone"));
            assertEquals(asked, Rebuilds.ask(tenant), "asked again, the running rebuild answers");

            try (TopicWriter writer = new TopicWriter()) {
                send(writer, tenant, "m-1", "second-1");
                send(writer, tenant, "m-5", "second-5");
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                week(tenant, "m-1").body("sessions", equalTo(2));
                week(tenant, "m-5").body("sessions", equalTo(2));
            });
            assertEquals(3, Rebuilds.status(asked, tenant).getInt("membersDone"));
            try (TopicWriter writer = new TopicWriter()) {
                send(writer, tenant, "m-3", "second-3");
            }
            return asked;
        });

        JsonPath done = Rebuilds.ended(location, tenant);
        assertEquals("DONE", done.getString("status"), done::prettify);
        assertEquals(6, done.getInt("membersDone"));
        assertEquals(6, done.getInt("membersTotal"));
        long processed = done.getLong("sessionsProcessed");
        assertTrue(processed == 7 || processed == 8, "m-5's second session, and m-3's if stored first: " + processed);
        awaitStored(tenant, 9);
        Map<String, Integer> sessions = Map.of("m-0", 1, "m-1", 2, "m-2", 1, "m-3", 2, "m-4", 1, "m-5", 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> week(tenant, "m-3").body("sessions", equalTo(2)));
        sessions.forEach((member, count) -> week(tenant, member).body("sessions", equalTo(count))
                .body("sets", equalTo(count)).body("reps", equalTo(10 * count))
                .body("tonnageKg", equalTo(200.0f * count)));
        given().auth().oauth2(TestTokens.token(tenant, "trainer")).queryParam("size", 10).when().get("/members")
                .then().statusCode(200).body("total", equalTo(6))
                .body("items.find { it.memberId == 'm-1' }.sessions", equalTo(2))
                .body("items.find { it.memberId == 'm-3' }.sessions", equalTo(2))
                .body("items.find { it.memberId == 'm-4' }.sessions", equalTo(1));
        assertNotEquals(location, Rebuilds.ask(tenant), "once it is done, asking again starts a new rebuild");
    }

    /*
     * An instance took up a rebuild of four members, recorded a-0 done and stopped: the job is left RUNNING, its
     * lease run out. Meanwhile a-2's weeks and a-3's activity were lost. Asked for again (while the test holds a-1's
     * lock, so that the job cannot end first), the service answers that job; an instance takes it over, goes on after
     * a-0 and leaves every member's figures as ingest computed them.
     */
    @Test
    void aJobLeftRunningByAnInstanceThatStoppedIsTakenOverWhereItWas() throws Exception {
        String tenant = "rebuild-takeover-gym";
        try (TopicWriter writer = new TopicWriter()) {
            for (int i = 0; i < 4; i++) {
                send(writer, tenant, "a-" + i, "first-" + i);
            }
        }
        awaitStored(tenant, 4);
        execute("DELETE FROM weekly_aggregate WHERE tenant_id = ? AND member_id = 'a-2'", tenant);
        execute("DELETE FROM member_activity WHERE tenant_id = ? AND member_id = 'a-3'", tenant);
        week(tenant, "a-2").body("sessions", equalTo(0));
        UUID id = UUID.randomUUID();
        execute("INSERT INTO figure_rebuild (id, tenant_id, status, members_total, members_done, sessions_processed, "
                + "last_member_id, attempts, claimed_by, lease_expires_at, created_at, started_at, updated_at) "
                + "VALUES ('" + id + "', ?, 'RUNNING', 4, 1, 1, 'a-0', 1, 'stopped-instance', "
                + "now() - interval '1 minute', now() - interval '5 minutes', now() - interval '5 minutes', "
                + "now() - interval '2 minutes')", tenant);

        String location = whileHolding(new Member(tenant, "a-1"), () -> Rebuilds.ask(tenant));
        assertTrue(location.endsWith("/figures/rebuilds/" + id), location);
        JsonPath done = Rebuilds.ended(location, tenant);
        assertEquals("DONE", done.getString("status"), done::prettify);
        assertEquals(2, done.getInt("attempts"));
        assertEquals(4, done.getInt("membersDone"));
        assertEquals(4, done.getLong("sessionsProcessed"), "a-0 recorded before, then a-1 to a-3");
        for (int i = 0; i < 4; i++) {
            week(tenant, "a-" + i).body("sessions", equalTo(1)).body("sets", equalTo(1))
                    .body("tonnageKg", equalTo(200.0f));
        }
        given().auth().oauth2(TestTokens.token(tenant, "trainer")).when().get("/members")
                .then().statusCode(200).body("total", equalTo(4));
    }

    /** Runs {@code during} while the test holds the member's ingest lock, as an ingest or a recompute of them does. */
    private <T> T whileHolding(Member member, Callable<T> during) throws Exception {
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            figures.lockMembers(holder, List.of(member));
            try {
                return during.call();
            } finally {
                holder.rollback();
            }
        }
    }

    private static void send(TopicWriter writer, String tenant, String member, String sessionId) {
        writer.send(SessionTopics.COMPLETED, member, sessionCompleted(tenant, member, sessionId,
                "2026-10-06T18:00:00Z", exerciseDone("rebuild-row", null, set(10, 20, 2, false))));
    }

    private static void awaitStored(String tenant, long count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> TrainingSession.count("tenantId", tenant)) == count);
    }

    private static ValidatableResponse week(String tenant, String member) {
        return given().auth().oauth2(TestTokens.token(tenant, "trainer"))
                .queryParam("from", "2026-10-05").queryParam("to", "2026-10-11")
                .when().get("/members/" + member + "/volume")
                .then().statusCode(200).rootPath("weeks[0]");
    }

    private void execute(String sql, String tenant) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant);
            statement.executeUpdate();
        }
    }
}
