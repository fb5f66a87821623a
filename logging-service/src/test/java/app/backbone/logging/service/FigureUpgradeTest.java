package app.backbone.logging.service;

import static app.backbone.logging.TestEvents.exerciseChanged;
import static app.backbone.logging.TestEvents.exerciseDone;
import static app.backbone.logging.TestEvents.sessionCompleted;
import static app.backbone.logging.TestEvents.set;
import static app.backbone.logging.TestEvents.timed;
import static app.backbone.logging.TestEvents.unloaded;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

import app.backbone.common.catalog.CatalogTopic;
import app.backbone.logging.domain.figures.WeekAggregate;
import app.backbone.logging.messaging.SessionTopics;
import app.backbone.testsupport.TestTokens;
import app.backbone.testsupport.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Stored figures written under older rules, recomputed by the start-up component: called directly here, since the
 * application under test has started already, and left to its own schedule once another instance lets go.
 */
@QuarkusTest
class FigureUpgradeTest {

    private static final String TENANT_A = "upgrade-a";
    private static final String TENANT_B = "upgrade-b";
    private static final String TENANT_C = "upgrade-c";
    private static final String FIGURES_CHECK = "checks.find { it.name == 'Figures computed under the current rules' }";

    @Inject
    @Readiness
    FigureUpgrade upgrade;

    @Inject
    DataSource dataSource;

    @Inject
    FigureStore figures;

    /*
     * 2026-W49. upgrade-a, member m-a: thoracic extension (MOBILITY) 2 x 10 unloaded at rir 5, row (STRENGTH)
     * 3 x 12 at 50 kg, rir 2. upgrade-b, member m-b: knee-hug stretch (STRETCH) 2 x 30 s.
     * Rules v2: the thoracic extension, though done easy, trains ERECTOR_SPINAE and CORE once this week; the row
     * LATS (3 hard sets) and BICEPS (3 x 0.5 = 1.5). The stretch trains ERECTOR_SPINAE and GLUTES (no rir, so done
     * hard, but never a hard set). A week stored under v1 knows per session only the exercises done hard: there
     * m-a's week has no ERECTOR_SPINAE or CORE; m-b's is the same either way.
     */
    @Test
    void figuresStoredUnderOlderRulesAreRecomputedUnderTheCodesRules() throws SQLException {
        Map<String, Integer> trainedA = Map.of("ERECTOR_SPINAE", 1, "CORE", 1, "LATS", 1, "BICEPS", 1);
        Map<String, Integer> trainedB = Map.of("ERECTOR_SPINAE", 1, "GLUTES", 1);
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(CatalogTopic.EXERCISES, "upgrade-thoracic", exerciseChanged("upgrade-thoracic", 0, "MOBILITY",
                    "THORACIC_EXTENSION", List.of("ERECTOR_SPINAE"), List.of("CORE")));
            writer.send(CatalogTopic.EXERCISES, "upgrade-row", exerciseChanged("upgrade-row", 0, "STRENGTH",
                    "HORIZONTAL_PULL", List.of("LATS"), List.of("BICEPS")));
            writer.send(CatalogTopic.EXERCISES, "upgrade-knee-hug", exerciseChanged("upgrade-knee-hug", 0,
                    "STRETCH", "LUMBAR_FLEXION_STRETCH", List.of("ERECTOR_SPINAE"), List.of("GLUTES")));
            writer.send(SessionTopics.COMPLETED, "m-a", sessionCompleted(TENANT_A, "m-a", "a-1",
                    "2026-12-01T18:00:00Z",
                    exerciseDone("upgrade-thoracic", null, unloaded(10, 5), unloaded(10, 5)),
                    exerciseDone("upgrade-row", null, set(12, 50, 2, false), set(12, 50, 2, false),
                            set(12, 50, 2, false))));
            writer.send(SessionTopics.COMPLETED, "m-b", sessionCompleted(TENANT_B, "m-b", "b-1",
                    "2026-12-01T07:00:00Z", exerciseDone("upgrade-knee-hug", null, timed(30), timed(30))));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            week(TENANT_A, "m-a").body("sessionsByMuscle", equalTo(trainedA));
            week(TENANT_B, "m-b").body("sessionsByMuscle", equalTo(trainedB));
        });

        storedAsUnderRulesV1();
        // What readers see until the recompute: hard sets as the new rules have them, frequency as v1 stored it.
        week(TENANT_A, "m-a").body("sessionsByMuscle", equalTo(Map.of("LATS", 1, "BICEPS", 1)))
                .body("hardSetsByMuscle", equalTo(Map.of("LATS", 3.0f, "BICEPS", 1.5f)))
                .body("sets", equalTo(5)).body("reps", equalTo(56));

        assertEquals(FigureUpgrade.Outcome.RECOMPUTED, upgrade.upgrade());

        assertEquals(WeekAggregate.FIGURES_VERSION, storedVersion());
        assertEquals(0, weeksWithout("workedExercisesBySession"));
        week(TENANT_A, "m-a").body("sessionsByMuscle", equalTo(trainedA))
                .body("hardSetsByMuscle", equalTo(Map.of("LATS", 3.0f, "BICEPS", 1.5f)))
                .body("sets", equalTo(5)).body("reps", equalTo(56)).body("tonnageKg", equalTo(1800.0f));
        week(TENANT_B, "m-b").body("sessionsByMuscle", equalTo(trainedB)).body("sets", equalTo(2));
        assertEquals(FigureUpgrade.Outcome.CURRENT, upgrade.upgrade());
    }

    @Test
    void whileAnotherInstanceRecomputesThisOneWaitsNotReadyThenCatchesUpByItself() throws SQLException {
        execute("UPDATE figures_version SET version = 1");
        try (Connection other = dataSource.getConnection()) {
            lock(other, "SELECT pg_advisory_lock(?, 0)");
            try {
                assertEquals(FigureUpgrade.Outcome.BUSY, upgrade.upgrade());
                assertEquals(1, storedVersion());
                given().when().get("/q/health/ready").then().statusCode(503)
                        .body(FIGURES_CHECK + ".status", equalTo("DOWN"));
            } finally {
                lock(other, "SELECT pg_advisory_unlock(?, 0)");
            }
        }
        // Nobody calls it again: the instance's own check, every 5 s, does the work and reports ready.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200).body(FIGURES_CHECK + ".status", equalTo("UP")));
        assertEquals(WeekAggregate.FIGURES_VERSION, storedVersion());
    }

    /*
     * upgrade-c's members c-1 and c-2 have a session each. The test holds c-1's ingest lock, so the recompute waits at
     * c-1: a second session of c-2 is stored and counted meanwhile, and counted once after the recompute.
     */
    @Test
    void aRecomputeHoldsOffTheIngestOfTheMemberItIsAtOnly() throws Exception {
        try (TopicWriter writer = new TopicWriter()) {
            for (String member : List.of("c-1", "c-2")) {
                writer.send(SessionTopics.COMPLETED, member, sessionCompleted(TENANT_C, member, member + "-first",
                        "2026-12-02T18:00:00Z", exerciseDone("upgrade-row", null, set(10, 50, 2, false))));
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> week(TENANT_C, "c-2").body("sessions", equalTo(1)));
        execute("UPDATE figures_version SET version = 1");
        CompletableFuture<FigureUpgrade.Outcome> recompute;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            figures.lockMembers(holder, List.of(new Member(TENANT_C, "c-1")));
            try {
                recompute = CompletableFuture.supplyAsync(upgrade::upgrade);
                await().atMost(Duration.ofSeconds(60)).until(() -> String.valueOf(upgrade.call().getData()
                        .orElseThrow().get("status")).contains("(" + TENANT_C + ")"));
                try (TopicWriter writer = new TopicWriter()) {
                    writer.send(SessionTopics.COMPLETED, "c-2", sessionCompleted(TENANT_C, "c-2", "c-2-second",
                            "2026-12-03T18:00:00Z", exerciseDone("upgrade-row", null, set(10, 50, 2, false))));
                }
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> week(TENANT_C, "c-2")
                        .body("sessions", equalTo(2)));
                assertFalse(recompute.isDone());
            } finally {
                holder.rollback();
            }
        }
        assertEquals(FigureUpgrade.Outcome.RECOMPUTED, recompute.get(60, TimeUnit.SECONDS));
        week(TENANT_C, "c-1").body("sessions", equalTo(1));
        week(TENANT_C, "c-2").body("sessions", equalTo(2)).body("tonnageKg", equalTo(1000.0f));
    }

    private static ValidatableResponse week(String tenant, String member) {
        return given().auth().oauth2(TestTokens.token(tenant, "trainer"))
                .queryParam("from", "2026-12-01").queryParam("to", "2026-12-01")
                .when().get("/members/" + member + "/volume")
                .then().statusCode(200).rootPath("weeks[0]");
    }

    /** The weeks of both tenants as rules v1 wrote them (no exercises worked per session), and the version 1. */
    private void storedAsUnderRulesV1() throws SQLException {
        execute("UPDATE weekly_aggregate SET state = state - 'workedExercisesBySession' WHERE tenant_id IN ('"
                + TENANT_A + "', '" + TENANT_B + "')");
        execute("UPDATE figures_version SET version = 1");
        assertEquals(2, weeksWithout("workedExercisesBySession"));
    }

    private int storedVersion() throws SQLException {
        return queryInt("SELECT version FROM figures_version");
    }

    private int weeksWithout(String field) throws SQLException {
        return queryInt("SELECT count(*) FROM weekly_aggregate WHERE tenant_id IN ('" + TENANT_A + "', '" + TENANT_B
                + "') AND NOT jsonb_exists(state, '" + field + "')");
    }

    private int queryInt(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement(sql);
             ResultSet rs = read.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    private static void lock(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, FigureUpgrade.LOCK_SPACE);
            statement.executeQuery().close();
        }
    }
}
