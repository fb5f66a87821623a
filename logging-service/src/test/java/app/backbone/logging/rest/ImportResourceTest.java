package app.backbone.logging.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import app.backbone.logging.domain.MemberImport;
import app.backbone.logging.domain.TrainingSession;
import app.backbone.logging.messaging.ProgressTopics;
import app.backbone.testsupport.ProblemJson;
import app.backbone.testsupport.TestTokens;
import app.backbone.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * Imports through the API against a real PostgreSQL and Kafka: a Strong file's figures checked against values worked
 * out by hand, re-import, dry run, unmapped names and aliases, refusals, and export then import round trip.
 */
@QuarkusTest
class ImportResourceTest {

    private static final String TENANT = "gym-import";
    private static final String CSV_UTF8 = "text/csv; charset=UTF-8";

    /**
     * Europe/Berlin (UTC+1 in March). 2026-03-02 and 03-04 are in ISO week 10, 03-09 in week 11. Week 10: working
     * sets bench 80x8, 80x8, 80x6 (F), deadlift 100x5, 120x5, 90x8 (D) = 6 sets, 40 reps, 1760 + 1820 = 3580 kg (the
     * warm-up 40x10 not counted). Week 11: bench 82.5x8, 82.5x7 = 2 sets, 15 reps, 1237.5 kg.
     */
    static final String STRONG = """
            Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
            2026-03-02 18:00:00,Push,1h 5m,Bench Press (Barbell),W,40,10,0,0,,,
            2026-03-02 18:00:00,Push,1h 5m,Bench Press (Barbell),1,80,8,0,0,,,8
            2026-03-02 18:00:00,Push,1h 5m,Bench Press (Barbell),2,80,8,0,0,"felt ""heavy"", ok",,9
            2026-03-02 18:00:00,Push,1h 5m,Bench Press (Barbell),F,80,6,0,0,,,10
            2026-03-04 18:00:00,Pull,50m,Deadlift (Barbell),1,100,5,0,0,,,8
            2026-03-04 18:00:00,Pull,50m,Deadlift (Barbell),2,120,5,0,0,,,9
            2026-03-04 18:00:00,Pull,50m,Deadlift (Barbell),D,90,8,0,0,,,
            2026-03-09 18:00:00,Push,1h,Bench Press (Barbell),1,82.5,8,0,0,,,8
            2026-03-09 18:00:00,Push,1h,Bench Press (Barbell),2,82.5,7,0,0,,,9
            """;

    @BeforeAll
    static void catalogKnowsTheExercises() {
        ImportFixtures.catalogHas("barbell-bench-press", "conventional-deadlift", "barbell-curl");
    }

    @Test
    void aStrongFileFoldsIntoTheFiguresAsWorkedOutByHandAndAnnouncesNothing() {
        try (TopicReader insights = new TopicReader(ProgressTopics.INSIGHTS)) {
            JsonPath done = importAndAwait("member-strong", "STRONG", STRONG, Map.of("timeZone", "Europe/Berlin"));
            assertEquals(3, done.getInt("sessionsFound"));
            assertEquals(3, done.getInt("sessionsStored"));
            assertEquals(0, done.getInt("sessionsAlreadyPresent"));
            assertEquals(9, done.getLong("rowsTotal"));
            assertEquals(9, done.getLong("rowsRead"));
            assertEquals(100, done.getInt("percentDone"));
            assertTrue(done.getString("variant").startsWith("strong"));

            given().auth().oauth2(TestTokens.token(TENANT, "trainer"))
                    .queryParam("from", "2026-03-02").queryParam("to", "2026-03-15")
                    .when().get("/members/member-strong/volume")
                    .then().statusCode(200)
                    .body("weeks.week", contains("2026-W10", "2026-W11"))
                    .body("weeks.sessions", contains(2, 1))
                    .body("weeks.sets", contains(6, 2))
                    .body("weeks.reps", contains(40, 15))
                    .body("weeks[0].tonnageKg", equalTo(3580.0f))
                    .body("weeks[1].tonnageKg", equalTo(1237.5f));
            given().auth().oauth2(TestTokens.token(TENANT, "trainer"))
                    .when().get("/members/member-strong/sessions")
                    .then().statusCode(200)
                    .body("items.completedAt", contains("2026-03-09T18:00:00Z", "2026-03-04T17:50:00Z",
                            "2026-03-02T18:05:00Z"));
            given().auth().oauth2(TestTokens.token(TENANT, "trainer"))
                    .queryParam("exerciseId", "barbell-bench-press")
                    .when().get("/members/member-strong/progression")
                    .then().statusCode(200)
                    .body("records.heaviestLoad.kg", equalTo(82.5f));

            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> insights.poll().stream()
                    .noneMatch(r -> r.key().equals(TENANT + "/member-strong")));
        }
    }

    @Test
    void importingTheSameFileAgainStoresNothingNew() {
        importAndAwait("member-again", "STRONG", STRONG, Map.of());
        JsonPath again = importAndAwait("member-again", "STRONG", STRONG, Map.of());
        assertEquals(0, again.getInt("sessionsStored"));
        assertEquals(3, again.getInt("sessionsAlreadyPresent"));
        assertEquals(3, sessions("member-again"));
    }

    @Test
    void aDryRunReportsAndStoresNothing() {
        String withUnknown = STRONG + "2026-03-11 18:00:00,Legs,40m,Squat (Barbell),1,100,5,0,0,,,\n"
                + "2026-03-11 18:00:00,Legs,40m,Squat (Barbell),2,100,-5,0,0,,,\n";
        JsonPath report = importAndAwait("member-dry", "STRONG", withUnknown, Map.of("dryRun", "true"));
        assertTrue(report.getBoolean("dryRun"));
        assertEquals(4, report.getInt("sessionsFound"));
        assertEquals(0, report.getInt("sessionsStored"));
        assertEquals(List.of("Squat (Barbell)"), report.getList("unmappedExercises.name"));
        assertEquals(List.of(12), report.getList("errors.line"));
        assertEquals(List.of("Reps"), report.getList("errors.field"));
        assertEquals(0, sessions("member-dry"));
    }

    @Test
    void unmappedNamesAreRefusedWithTheirRowsAndClosestMatchesUnlessSkippedOrAliased() {
        String curls = STRONG + "2026-03-09 18:00:00,Push,1h,Curl Thing (Barbell),1,30,10,0,0,,,\n"
                + "2026-03-09 18:00:00,Push,1h,Curl Thing (Barbell),2,30,9,0,0,,,\n";
        Response refused = post("member-unmapped", "STRONG", curls, Map.of());
        problem(refused.then(), 422);
        refused.then().body("unmappedExercises[0].name", equalTo("Curl Thing (Barbell)"))
                .body("unmappedExercises[0].rows", equalTo(2))
                .body("unmappedExercises[0].closest.exerciseId", hasItem("barbell-curl"));
        assertEquals(0, sessions("member-unmapped"));

        JsonPath skipped = importAndAwait("member-unmapped", "STRONG", curls, Map.of("unmapped", "SKIP"));
        assertEquals(3, skipped.getInt("sessionsStored"));

        given().auth().oauth2(TestTokens.token(TENANT, "admin")).contentType("application/json")
                .body("{\"exerciseId\":\"barbell-curl\"}")
                .when().put("/exercise-aliases/curl thing barbell")
                .then().statusCode(200).body("exerciseId", equalTo("barbell-curl"));
        JsonPath aliased = importAndAwait("member-aliased", "STRONG", curls, Map.of());
        assertEquals(3, aliased.getInt("sessionsStored"));
        assertTrue(aliased.getList("unmappedExercises").isEmpty());
    }

    @Test
    void anAliasMustNameACatalogExercise() {
        problem(given().auth().oauth2(TestTokens.token(TENANT, "admin"))
                .contentType("application/json").body("{\"exerciseId\":\"no-such-exercise\"}")
                .when().put("/exercise-aliases/Whatever").then(), 422);
    }

    @Test
    void impossibleValuesAreRefusedNamingLineAndColumnAndNothingIsStored() {
        String bad = STRONG + "2026-03-11 18:00:00,Push,1h,Bench Press (Barbell),1,10000,5,0,0,,,\n"
                + "2026-03-11 18:00:00,Push,1h,Bench Press (Barbell),2,80,-3,0,0,,,\n";
        Response refused = post("member-bad", "STRONG", bad, Map.of());
        problem(refused.then(), 422);
        refused.then().body("errors.line", contains(11, 12)).body("errors.field", contains("Weight", "Reps"));
        assertEquals(0, sessions("member-bad"));
    }

    @Test
    void filesOfAnotherFormatAndBadParametersAreRefused() {
        problem(post("member-x", "STRONG", "\u0000\u0001garbage\u00ff", Map.of()).then(), 400);
        problem(post("member-x", "STRONG", "a,b,c\n1,2,3\n", Map.of()).then(), 400);
        problem(post("member-x", "FITBOD", STRONG, Map.of()).then(), 400);
        problem(post("member-x", "STRONG", STRONG, Map.of("timeZone", "Mars/Olympus")).then(), 400)
                .body("errors[0].field", equalTo("timeZone"));
        problem(post("member-x", "STRONG", STRONG, Map.of("weightUnit", "STONE")).then(), 400);
        problem(post("member x", "STRONG", STRONG, Map.of()).then(), 400);
        assertEquals(0, sessions("member-x"));
    }

    @Test
    void aFileOverThirtyTwoMebibytesIsRefusedAndNothingIsStored() {
        InputStream huge = new InputStream() {
            private final byte[] row = "2026-03-02 18:00:00,Push,1h,Bench Press (Barbell),1,80,8,0,0,,,8\n"
                    .getBytes(StandardCharsets.US_ASCII);
            private long sent;

            @Override
            public int read() {
                if (sent >= 33L * 1024 * 1024) {
                    return -1;
                }
                return row[(int) (sent++ % row.length)];
            }
        };
        problem(given().auth().oauth2(TestTokens.token(TENANT, "integration"))
                .contentType(CSV_UTF8).queryParam("source", "STRONG").body(huge)
                .when().post("/members/member-huge/imports").then(), 413);
        assertEquals(0, sessions("member-huge"));
    }

    @Test
    void aRunningImportThatStoppedMakingProgressIsReportedFailed() {
        UUID id = UUID.randomUUID();
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(10));
        QuarkusTransaction.requiringNew().run(() -> {
            MemberImport orphan = new MemberImport();
            orphan.id = id;
            orphan.tenantId = TENANT;
            orphan.memberId = "member-orphan";
            orphan.source = "STRONG";
            orphan.variant = "strong-comma-en";
            orphan.status = MemberImport.Status.RUNNING;
            orphan.timeZone = "UTC";
            orphan.weightUnit = "KG";
            orphan.rowsTotal = 10;
            orphan.unmappedExercises = "[]";
            orphan.errors = "[]";
            orphan.createdAt = longAgo;
            orphan.updatedAt = longAgo;
            orphan.persist();
        });
        given().auth().oauth2(TestTokens.token(TENANT, "trainer")).when().get("/imports/" + id)
                .then().statusCode(200).body("status", equalTo("FAILED"))
                .body("failure", containsString("Upload the file again"));
    }

    @Test
    void anotherTenantsImportIsNotFound() {
        Response started = post("member-private", "STRONG", STRONG, Map.of());
        started.then().statusCode(202);
        given().auth().oauth2(TestTokens.token("gym-other", "trainer"))
                .when().get(started.header("Location"))
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.token("gym-other", "trainer"))
                .when().get("/members/member-private/imports")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anExportImportedIntoAnotherTenantGivesTheSameFigures() {
        importAndAwait("member-export", "STRONG", STRONG, Map.of("timeZone", "Europe/Berlin"));
        String csv = given().auth().oauth2(TestTokens.token(TENANT, "trainer")).accept("text/csv")
                .when().get("/members/member-export/sessions/export")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        assertEquals(1 + 9, csv.lines().count());
        String ndjson = given().auth().oauth2(TestTokens.token(TENANT, "trainer")).accept("application/x-ndjson")
                .when().get("/members/member-export/sessions/export")
                .then().statusCode(200).contentType(startsWith("application/x-ndjson"))
                .extract().asString();
        assertEquals(List.of("member-export", "member-export", "member-export"), ndjson.lines()
                .map(line -> new JsonPath(line).getString("memberId")).toList());

        Response started = given().auth().oauth2(TestTokens.token("gym-copy", "integration"))
                .contentType(CSV_UTF8).queryParam("source", "BACKBONE").body(csv)
                .when().post("/members/member-copy/imports");
        started.then().statusCode(202);
        JsonPath copied = ImportFixtures.finished(started.header("Location"), "gym-copy");
        assertEquals(3, copied.getInt("sessionsStored"));
        for (String path : List.of("/volume?from=2026-03-02&to=2026-03-15", "/records",
                "/progression?exerciseId=barbell-bench-press")) {
            Object original = withoutIds(figures(TENANT, "member-export", path).getMap("$"));
            Object copy = withoutIds(figures("gym-copy", "member-copy", path).getMap("$"));
            assertEquals(original, copy, path);
        }
    }

    @Test
    void theExportNeedsAnAcceptableMediaTypeAndAKnownMember() {
        importAndAwait("member-other-tenant", "STRONG", STRONG, Map.of());
        problem(given().auth().oauth2(TestTokens.token(TENANT, "trainer")).accept("image/png")
                .when().get("/members/member-other-tenant/sessions/export").then(), 406);
        problem(given().auth().oauth2(TestTokens.token(TENANT, "trainer")).accept("text/csv")
                .when().get("/members/never-seen/sessions/export").then(), 404);
        problem(given().auth().oauth2(TestTokens.token("gym-other", "trainer")).accept("application/x-ndjson")
                .when().get("/members/member-other-tenant/sessions/export").then(), 404);
    }

    @Test
    void aFileInAnotherCharsetThanUtf8IsRefused() {
        problem(given().auth().oauth2(TestTokens.token(TENANT, "integration"))
                .contentType("text/csv; charset=ISO-8859-1").queryParam("source", "STRONG").body(STRONG)
                .when().post("/members/member-latin/imports").then(), 415);
    }

    @Test
    void importsNeedARoleAndAToken() {
        given().contentType(CSV_UTF8).queryParam("source", "STRONG").body(STRONG)
                .when().post("/members/member-auth/imports").then().statusCode(401);
        given().auth().oauth2(TestTokens.token(TENANT)).contentType(CSV_UTF8).queryParam("source", "STRONG")
                .body(STRONG).when().post("/members/member-auth/imports").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("gym-no-aliases", "trainer")).when().get("/exercise-aliases")
                .then().statusCode(200).body("items", hasSize(0)).body("total", equalTo(0));
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(ProblemJson.MEDIA_TYPE).body("status", equalTo(status));
    }

    /** The figures without what names the member or a session (imported sessions get ids of their own). */
    private static Object withoutIds(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> kept = new java.util.TreeMap<>();
            map.forEach((k, v) -> {
                if (!"memberId".equals(k) && !"sessionId".equals(k)) {
                    kept.put(k, withoutIds(v));
                }
            });
            return kept;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ImportResourceTest::withoutIds).toList();
        }
        return value;
    }

    private static JsonPath figures(String tenant, String member, String path) {
        return given().auth().oauth2(TestTokens.token(tenant, "trainer"))
                .when().get("/members/" + member + path)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Response post(String member, String source, String body, Map<String, String> query) {
        return given().auth().oauth2(TestTokens.token(TENANT, "integration"))
                .contentType(CSV_UTF8).queryParam("source", source).queryParams(query).body(body)
                .when().post("/members/" + member + "/imports");
    }

    private static JsonPath importAndAwait(String member, String source, String body, Map<String, String> query) {
        Response started = post(member, source, body, query);
        started.then().statusCode(202).header("Location", containsString("/imports/"));
        return ImportFixtures.finished(started.header("Location"), TENANT);
    }

    private static long sessions(String member) {
        return QuarkusTransaction.requiringNew().call(() -> TrainingSession.count("tenantId = ?1 and memberId = ?2",
                TENANT, member));
    }
}
