package app.backbone.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.backbone.catalog.domain.Exercise;
import app.backbone.testsupport.ProblemJson;
import app.backbone.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ExerciseValidationTest {

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.token("strict-gym", "admin")).contentType("application/json");
    }

    @Test
    void missingFieldsAreListed() {
        admin().body(Map.of("name", " ")).when().post("/exercises")
                .then().statusCode(400)
                .contentType(ProblemJson.MEDIA_TYPE)
                .body("errors.field", hasItems("name", "category", "movementPattern", "primaryMuscles", "equipment",
                        "laterality", "measure", "loadable"));
        assertEquals(0, Exercise.count("tenantId", "strict-gym"));
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheAllowedValues() {
        Map<String, Object> body = new HashMap<>(ExerciseLifecycleTestData.body("Odd row"));
        body.put("movementPattern", "DIAGONAL_PULL");
        admin().body(body).when().post("/exercises")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("movementPattern"))
                .body("errors[0].message", containsString("HORIZONTAL_PULL"));
    }

    @Test
    void anUnknownEnumValueInAListNamesItsPosition() {
        Map<String, Object> body = new HashMap<>(ExerciseLifecycleTestData.body("Odd row"));
        body.put("primaryMuscles", List.of("LATS", "WINGS"));
        admin().body(body).when().post("/exercises")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("primaryMuscles[1]"))
                .body("errors[0].message", containsString("RHOMBOIDS"));
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        Map<String, Object> body = new HashMap<>(ExerciseLifecycleTestData.body("Odd row"));
        body.put("difficulty", "hard");
        admin().body(body).when().post("/exercises")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("difficulty"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        admin().body("{\"name\": ").when().post("/exercises")
                .then().statusCode(400).contentType(ProblemJson.MEDIA_TYPE);
    }

    @Test
    void anUnknownFilterValueNamesTheParameterAndTheAllowedValues() {
        admin().queryParam("muscle", "LATS,WINGS").when().get("/exercises")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("muscle"))
                .body("errors[0].message", containsString("LATS"));
    }
}
