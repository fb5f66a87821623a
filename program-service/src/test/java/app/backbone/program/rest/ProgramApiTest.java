package app.backbone.program.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.backbone.program.domain.Program;
import app.backbone.program.messaging.CatalogFixture;
import app.backbone.testsupport.ProblemJson;
import app.backbone.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ProgramApiTest {

    @BeforeEach
    void catalogArrived() {
        CatalogFixture.publishGlobalLibrary();
    }

    private static RequestSpecification as(String tenant, String role) {
        return given().auth().oauth2(TestTokens.token(tenant, role)).contentType("application/json");
    }

    private static Map<String, Object> request(String memberId, String goal) {
        Map<String, Object> body = new HashMap<>();
        body.put("memberId", memberId);
        body.put("goal", goal);
        return body;
    }

    private static long storedPrograms() {
        return QuarkusTransaction.requiringNew().call(() -> Program.count());
    }

    @Test
    void aPreviewAnswersTheProgramAndStoresNothing() {
        long before = storedPrograms();
        as("api-gym", "trainer").body(request("m-1", "STRENGTH")).when().post("/programs/preview")
                .then().statusCode(200)
                .body("goal", equalTo("STRENGTH"))
                .body("sessions[0].blocks.prescriptions.flatten().exerciseId", hasItem("conventional-deadlift"));
        assertEquals(before, storedPrograms());
    }

    @Test
    void anOpenEndedRepRangeIsAnExplicitNull() {
        as("api-gym", "trainer").body(request("m-6", "HYPERTROPHY")).when().post("/programs/preview")
                .then().statusCode(200)
                .body("sessions[0].blocks[0].prescriptions.find { it.exerciseId == 'single-arm-lat-pulldown' }"
                        + ".containsKey('repsMax')", equalTo(true))
                .body("sessions[0].blocks[0].prescriptions.find { it.exerciseId == 'single-arm-lat-pulldown' }"
                        + ".repsMax", equalTo(null));
    }

    @Test
    void aTrainerCreatesReadsListsAndArchivesAProgram() {
        Map<String, Object> body = request("m-2", "HYPERTROPHY");
        body.put("includeSuperset", true);
        String location = as("api-gym", "trainer").body(body).when().post("/programs")
                .then().statusCode(201)
                .header("Location", containsString("/programs/"))
                .body("id", notNullValue())
                .body("status", equalTo("ACTIVE"))
                .extract().header("Location");
        String path = java.net.URI.create(location).getPath();
        as("api-gym", "integration").when().get(path)
                .then().statusCode(200)
                .body("memberId", equalTo("m-2"))
                .body("includeSuperset", equalTo(true))
                .body("sessions[0].blocks.prescriptions.flatten().exerciseId", hasItem("romanian-deadlift"));
        as("api-gym", "trainer").when().get("/members/m-2/programs")
                .then().statusCode(200).body("items.id", hasItem(path.substring("/programs/".length())));
        as("other-gym", "trainer").when().get(path).then().statusCode(404).contentType(ProblemJson.MEDIA_TYPE);
        as("other-gym", "trainer").when().delete(path).then().statusCode(404);
        as("other-gym", "trainer").when().get("/members/m-2/programs")
                .then().statusCode(200).body("total", equalTo(0));
        as("api-gym", "trainer").when().delete(path).then().statusCode(204);
        as("api-gym", "trainer").when().get(path).then().statusCode(200).body("status", equalTo("ARCHIVED"));
    }

    @Test
    void aProgramNeverContainsAnExerciseContraindicatedForTheMember() {
        Map<String, Object> body = request("m-3", "BACK_HEALTH");
        body.put("conditions", List.of("DEPRESSED_SHOULDERS", "KNEE_PAIN"));
        List<String> ids = as("api-gym", "trainer").body(body).when().post("/programs/preview")
                .then().statusCode(200)
                .body("sessions[0].blocks.prescriptions.flatten().exerciseId", not(hasItem("childs-pose")))
                .extract().jsonPath().getList("sessions.blocks.prescriptions.flatten().exerciseId.flatten()");
        assertFalse(ids.isEmpty());
        assertFalse(ids.contains("pull-up"));
        assertFalse(ids.contains("chin-up"));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        Map<String, Object> body = request("m-4", "STRENGTH");
        body.put("sessionsPerWeek", 3);
        as("api-gym", "trainer").body(body).when().post("/programs")
                .then().statusCode(400).contentType(ProblemJson.MEDIA_TYPE)
                .body("errors.field", hasItem("sessionsPerWeek"));
        as("api-gym", "trainer").body(request("m-4", "ENDURANCE")).when().post("/programs")
                .then().statusCode(400).body("errors[0].field", equalTo("goal"))
                .body("errors[0].message", containsString("BACK_HEALTH"));
        as("api-gym", "trainer").body(request("bad member!", "STRENGTH")).when().post("/programs")
                .then().statusCode(400).body("errors.field", hasItem("memberId"));
        Map<String, Object> unknown = request("m-4", "STRENGTH");
        unknown.put("tenantId", "someone-else");
        as("api-gym", "trainer").body(unknown).when().post("/programs")
                .then().statusCode(400).body("errors[0].field", equalTo("tenantId"));
    }

    @Test
    void adminsDoNotBuildPrograms() {
        as("api-gym", "admin").body(request("m-5", "STRENGTH")).when().post("/programs")
                .then().statusCode(403).contentType(ProblemJson.MEDIA_TYPE);
    }
}
