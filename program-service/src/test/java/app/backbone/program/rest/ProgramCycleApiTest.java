package app.backbone.program.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.backbone.program.domain.Program;
import app.backbone.program.messaging.CatalogFixture;
import app.backbone.program.messaging.SessionTopics;
import app.backbone.testsupport.ProblemJson;
import app.backbone.testsupport.TestTokens;
import app.backbone.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Programs over a cycle of weeks through the API: the trainer's choices, swaps, and reports judged in place. */
@QuarkusTest
class ProgramCycleApiTest {

    private static final String TENANT = "cycle-gym";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Clock clock;

    private String completedAt;

    @BeforeEach
    void catalogArrived() {
        CatalogFixture.publishGlobalLibrary();
        completedAt = clock.instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static RequestSpecification trainer() {
        return given().auth().oauth2(TestTokens.token(TENANT, "trainer")).contentType("application/json");
    }

    private static Map<String, Object> request(String goal, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("memberId", "cycler-" + UUID.randomUUID(), "goal", goal));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private static JsonPath create(Map<String, Object> request) {
        return trainer().body(request).when().post("/programs").then().statusCode(201).extract().jsonPath();
    }

    private Map<String, Object> report(Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("sessionId", "s-" + UUID.randomUUID(),
                "completedAt", completedAt, "exercises", List.of(Map.of("exerciseId", "romanian-deadlift",
                        "sets", List.of(Map.of("reps", 8, "loadKg", 100, "rir", 2))))));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    @Test
    void aCycleHasItsWeeksAndADeloadWeekLast() {
        JsonPath program = create(request("STRENGTH", "weeks", 6));

        assertEquals(6, program.getInt("weeks"));
        assertEquals(List.of(1, 2, 3, 4, 5, 6), program.getList("cycle.week"));
        assertEquals(List.of(false, false, false, false, false, true), program.getList("cycle.deload"));
        assertEquals(3, program.getInt("cycle[0].sessions[0].blocks[0].prescriptions[0].sets"));
        assertEquals(2, program.getInt("cycle[5].sessions[0].blocks[0].prescriptions[0].sets"));
        assertEquals(program.getInt("cycle[0].sessions[0].blocks[0].prescriptions[0].targetRir") + 2,
                program.getInt("cycle[5].sessions[0].blocks[0].prescriptions[0].targetRir"));
        assertEquals(program.getList("sessions"), program.getList("cycle[0].sessions"));
    }

    @Test
    void reportsAreJudgedAgainstTheSessionTheyNameOrElseTheNextOne() throws Exception {
        String programId = create(request("STRENGTH", "sessionsPerWeek", 2)).getString("id");
        try (TopicReader reader = new TopicReader(SessionTopics.COMPLETED)) {
            // Session A of week 1 holds the conventional deadlift, not the Romanian one: no prescription.
            JsonNode first = reportAndRead(reader, programId, report());
            assertEquals(1, first.path("answer").get("week").asInt());
            assertEquals(1, first.path("answer").get("sessionIndex").asInt());
            assertTrue(first.path("event").get("exercises").get(0).get("prescription") == null);

            // Next is session B of week 1: its Romanian deadlift, 3 x 6-8.
            JsonNode second = reportAndRead(reader, programId, report());
            assertEquals(2, second.path("answer").get("sessionIndex").asInt());
            JsonNode prescribed = second.path("event").get("exercises").get(0).get("prescription");
            assertEquals(List.of(3, 6, 8), List.of(prescribed.get("sets").asInt(), prescribed.get("repsMin").asInt(),
                    prescribed.get("repsMax").asInt()));

            // Named: session B of the deload week 4, sets halved and rounded up.
            JsonNode deload = reportAndRead(reader, programId, report("week", 4, "sessionIndex", 2));
            assertEquals(4, deload.path("answer").get("week").asInt());
            assertEquals(2, deload.path("event").get("exercises").get(0).get("prescription").get("sets").asInt());

            // After the cycle's last session a new cycle starts.
            JsonNode wrapped = reportAndRead(reader, programId, report());
            assertEquals(1, wrapped.path("answer").get("week").asInt());
            assertEquals(1, wrapped.path("answer").get("sessionIndex").asInt());
        }
    }

    private JsonNode reportAndRead(TopicReader reader, String programId, Map<String, Object> report)
            throws Exception {
        String answer = trainer().body(report).when().post("/programs/" + programId + "/sessions")
                .then().statusCode(202).extract().asString();
        String sessionId = (String) report.get("sessionId");
        JsonNode[] event = new JsonNode[1];
        await().atMost(WAIT).until(() -> {
            for (ConsumerRecord<String, String> record : reader.poll()) {
                JsonNode value = JSON.readTree(record.value());
                if (sessionId.equals(value.get("sessionId").asText())) {
                    event[0] = value;
                }
            }
            return event[0] != null;
        });
        ObjectNode both = JSON.createObjectNode();
        both.set("answer", JSON.readTree(answer));
        both.set("event", event[0]);
        return both;
    }

    @Test
    void aProgramStoredBeforeCyclesReadsAsItsOneWeekAndTakesReports() {
        String id = create(request("STRENGTH", "weeks", 1)).getString("id");
        QuarkusTransaction.requiringNew().run(() -> {
            Program program = Program.findById(UUID.fromString(id));
            ObjectNode plan = (ObjectNode) readTree(program.plan);
            plan.remove(List.of("weeks", "cycle", "swaps"));
            plan.findParents("alternatives").forEach(node -> ((ObjectNode) node).remove("alternatives"));
            program.plan = plan.toString();
        });

        JsonPath stored = trainer().when().get("/programs/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(1, stored.getInt("weeks"));
        assertEquals(List.of(false), stored.getList("cycle.deload"));
        assertEquals(stored.getList("sessions"), stored.getList("cycle[0].sessions"));
        trainer().body(report()).when().post("/programs/" + id + "/sessions")
                .then().statusCode(202).body("week", equalTo(1)).body("sessionIndex", equalTo(1));
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }

    @Test
    void aSessionOrWeekTheProgramDoesNotHaveIsRefusedNamingTheAllowedValues() {
        String programId = create(request("STRENGTH", "weeks", 4)).getString("id");
        trainer().body(report("sessionIndex", 2)).when().post("/programs/" + programId + "/sessions")
                .then().statusCode(422).contentType(ProblemJson.MEDIA_TYPE)
                .body("errors[0].field", equalTo("sessionIndex"))
                .body("errors[0].message", equalTo("must be 1"));
        trainer().body(report("week", 5)).when().post("/programs/" + programId + "/sessions")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("week"))
                .body("errors[0].message", equalTo("must be one of: 1, 2, 3, 4"));
    }

    @Test
    void badChoicesAreProblemsNamingTheFieldAndTheAllowedValues() {
        trainer().body(request("STRENGTH", "weeks", 17)).when().post("/programs/preview")
                .then().statusCode(400).contentType(ProblemJson.MEDIA_TYPE)
                .body("errors.field", hasItem("weeks")).body("errors.message", hasItem("must be 1-16"));
        trainer().body(request("BACK_HEALTH", "mobilityFocus", "SIDEWAYS")).when().post("/programs/preview")
                .then().statusCode(400).body("errors[0].field", equalTo("mobilityFocus"))
                .body("errors[0].message", containsString("THORACIC_EXTENSION, ROTATION, SHOULDER_FRIENDLY_ROTATION"));
        trainer().body(request("STRENGTH", "armsFocus", "LEGS")).when().post("/programs/preview")
                .then().statusCode(400).body("errors[0].field", equalTo("armsFocus"))
                .body("errors[0].message", containsString("BICEPS, TRICEPS, BOTH"));
        trainer().body(request("STRENGTH", "supersetStart", "ROW", "includeSuperset", false))
                .when().post("/programs/preview")
                .then().statusCode(400).body("errors[0].field", equalTo("supersetStart"));
        trainer().body(request("STRENGTH", "armsFocus", "BICEPS", "includeArms", false))
                .when().post("/programs/preview")
                .then().statusCode(400).body("errors[0].field", equalTo("armsFocus"));
    }

    @Test
    void theTrainersChoicesAreKeptAndShapeTheProgram() {
        JsonPath program = create(request("HYPERTROPHY", "armsFocus", "TRICEPS", "supersetStart", "PULLDOWN"));

        assertEquals("TRICEPS", program.getString("armsFocus"));
        assertEquals("PULLDOWN", program.getString("supersetStart"));
        assertTrue(program.getBoolean("includeArms"));
        assertTrue(program.getBoolean("includeSuperset"));
        List<String> exercises = program.getList("sessions[0].blocks.prescriptions.flatten().exerciseId");
        assertTrue(exercises.contains("cable-triceps-pushdown"), exercises::toString);
        assertTrue(!exercises.contains("dumbbell-curl"), exercises::toString);
        assertEquals("machine-pulldown", program.getString(
                "sessions[0].blocks.find { it.type == 'SUPERSET' }.prescriptions[0].exerciseId"));
        trainer().when().get("/programs/" + program.getString("id")).then().statusCode(200)
                .body("armsFocus", equalTo("TRICEPS")).body("mobilityFocus", nullValue());
    }

    @Test
    void aTrainerSwapsAnExerciseForOneOfItsAlternatives() throws Exception {
        JsonPath program = create(request("STRENGTH"));
        String id = program.getString("id");
        String etag = trainer().when().get("/programs/" + id).then().statusCode(200).extract().header("ETag");
        List<String> alternatives = program.getList("sessions[0].blocks[0].prescriptions[0].alternatives.exerciseId");
        assertEquals("conventional-deadlift", program.getString("sessions[0].blocks[0].prescriptions[0].exerciseId"));
        assertTrue(alternatives.contains("sumo-deadlift"), alternatives::toString);

        trainer().body(Map.of("exerciseId", "conventional-deadlift", "replacementExerciseId", "lat-pulldown"))
                .when().post("/programs/" + id + "/swaps")
                .then().statusCode(422).contentType(ProblemJson.MEDIA_TYPE)
                .body("errors[0].field", equalTo("replacementExerciseId"))
                .body("errors[0].message", containsString("sumo-deadlift"));

        JsonPath swapped = trainer().header("If-Match", etag)
                .body(Map.of("exerciseId", "conventional-deadlift", "replacementExerciseId", "sumo-deadlift"))
                .when().post("/programs/" + id + "/swaps")
                .then().statusCode(200).header("ETag", not(equalTo(etag))).extract().jsonPath();
        assertEquals(program.getLong("version") + 1, swapped.getLong("version"));
        for (int week = 0; week < swapped.getInt("weeks"); week++) {
            List<String> ids = swapped.getList("cycle[" + week + "].sessions[0].blocks.prescriptions.flatten()"
                    + ".exerciseId");
            assertTrue(ids.contains("sumo-deadlift") && !ids.contains("conventional-deadlift"), ids::toString);
        }
        assertEquals(List.of("sumo-deadlift"), swapped.getList("swaps.replacementExerciseId"));

        trainer().header("If-Match", etag)
                .body(Map.of("exerciseId", "sumo-deadlift", "replacementExerciseId", "conventional-deadlift"))
                .when().post("/programs/" + id + "/swaps")
                .then().statusCode(412);

        try (TopicReader reader = new TopicReader(SessionTopics.COMPLETED)) {
            JsonNode judged = reportAndRead(reader, id, report("exercises", List.of(Map.of(
                    "exerciseId", "sumo-deadlift", "sets", List.of(Map.of("reps", 5, "loadKg", 150, "rir", 2))))));
            assertNotNull(judged.path("event").get("exercises").get(0).get("prescription"));
        }
        trainer().when().get("/programs/" + id).then().statusCode(200)
                .body("sessions[0].blocks[0].prescriptions[0].exerciseId", equalTo("sumo-deadlift"))
                .body("sessions[0].blocks[0].prescriptions[0].alternatives.exerciseId",
                        hasItem("conventional-deadlift"))
                .body("swaps.exerciseId", contains("conventional-deadlift"));
    }
}
