package app.backbone.logging.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import app.backbone.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * A localised Strong file, a Strong file in pounds and a Hevy file in pounds, each with warm-up, failure and drop sets,
 * imported through the API; the week's figures are checked against values worked out by hand in each test.
 */
@QuarkusTest
class ImportFiguresTest {

    private static final String TENANT = "gym-import-figures";

    @BeforeAll
    static void catalogKnowsTheExercises() {
        ImportFixtures.catalogHas("barbell-bench-press", "bent-over-barbell-row", "conventional-deadlift");
    }

    /**
     * German headers, semicolons, decimal commas, a rest-timer row ("Pausentimer"), Europe/Berlin (UTC+1): the
     * workout starts 2026-03-02T18:00Z and lasts 1h 10m. Working sets: bench 82.5x6 (RPE 8, rir 2), 82.5x6 (RPE 9,
     * rir 1), drop set 60x10 (no RPE); row 70x10 (RPE 7, rir 3), 70x8 to failure; the 40x10 warm-up counts nowhere.
     * 5 sets, 40 reps, 495 + 495 + 600 + 700 + 560 = 2850 kg; all five hard (rir at most 3, no rir, or failure):
     * push 3, pull 2, ratio 0.67; pectorals 3 (primary), front deltoids 1.5 (secondary).
     */
    @Test
    void aLocalisedStrongFile() throws IOException {
        JsonPath done = importFile("member-de", "STRONG", "strong-de-figures.csv", "Europe/Berlin");
        assertEquals(1, done.getInt("sessionsStored"));
        assertEquals(1, done.getLong("rowsSkipped"));
        assertEquals("strong-semicolon-de", done.getString("variant"));
        week("member-de")
                .body("sets", contains(5)).body("reps", contains(40))
                .body("tonnageKg", contains(2850.0f))
                .body("pushHardSets", contains(3)).body("pullHardSets", contains(2))
                .body("pullPushRatio", contains(0.67f))
                .body("hardSetsByMuscle[0].PECTORALS", equalTo(3.0f))
                .body("hardSetsByMuscle[0].FRONT_DELTOIDS", equalTo(1.5f));
        given().auth().oauth2(TestTokens.token(TENANT, "trainer")).when().get("/members/member-de/sessions")
                .then().statusCode(200).body("items.completedAt", contains("2026-03-02T19:10:00Z"));
    }

    /**
     * Strong's quoted semicolon variant in pounds, UTC: 225 lb = 102.06 kg, 185,5 lb = 84.14 kg (x 0.45359237, to
     * 0.01 kg). Working sets 102.06x5, 102.06x4 (F), 84.14x6 (D); the 135 lb warm-up counts nowhere. 3 sets, 15
     * reps, 510.30 + 408.24 + 504.84 = 1423.38 kg; heaviest load 102.06 kg.
     */
    @Test
    void aStrongFileInPounds() throws IOException {
        importFile("member-lbs", "STRONG", "strong-lbs-figures.csv", "UTC");
        week("member-lbs").body("sets", contains(3)).body("reps", contains(15))
                .body("tonnageKg", contains(1423.38f));
        given().auth().oauth2(TestTokens.token(TENANT, "trainer"))
                .queryParam("exerciseId", "conventional-deadlift")
                .when().get("/members/member-lbs/progression")
                .then().statusCode(200).body("records.heaviestLoad.kg", equalTo(102.06f));
    }

    /**
     * Hevy in pounds, America/New_York (UTC-5): 4 Mar 2026 18:00-19:00 is 23:00Z to 00:00Z on 5 March, still ISO
     * week 10. 185 lb = 83.91 kg, 135 lb = 61.23 kg. Working sets 83.91x8 (RPE 8), 83.91x6 (failure), 61.23x10
     * (drop set, written {@code drop_set}); the warm-up counts nowhere. 3 sets, 24 reps, 671.28 + 503.46 + 612.30 =
     * 1787.04 kg, all three hard.
     */
    @Test
    void aHevyFileInPounds() throws IOException {
        importFile("member-hevy", "HEVY", "hevy-imperial-figures.csv", "America/New_York");
        week("member-hevy").body("sets", contains(3)).body("reps", contains(24))
                .body("tonnageKg", contains(1787.04f)).body("pushHardSets", contains(3));
        given().auth().oauth2(TestTokens.token(TENANT, "trainer")).when().get("/members/member-hevy/sessions")
                .then().statusCode(200).body("items.completedAt", contains("2026-03-05T00:00:00Z"));
    }

    private static ValidatableResponse week(String member) {
        return given().auth().oauth2(TestTokens.token(TENANT, "trainer"))
                .queryParam("from", "2026-03-02").queryParam("to", "2026-03-08")
                .when().get("/members/" + member + "/volume")
                .then().statusCode(200).body("weeks.week", contains("2026-W10")).rootPath("weeks");
    }

    private static JsonPath importFile(String member, String source, String file, String zone) throws IOException {
        byte[] body;
        try (InputStream in = ImportFiguresTest.class.getResourceAsStream("/imports/" + file)) {
            body = in.readAllBytes();
        }
        Response started = given().auth().oauth2(TestTokens.token(TENANT, "integration"))
                .contentType("text/csv; charset=UTF-8").queryParams(Map.of("source", source, "timeZone", zone))
                .body(body).when().post("/members/" + member + "/imports");
        started.then().statusCode(202).header("Location", containsString("/imports/"));
        return ImportFixtures.finished(started.header("Location"), TENANT);
    }
}
