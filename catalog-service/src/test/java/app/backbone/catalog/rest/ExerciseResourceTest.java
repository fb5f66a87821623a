package app.backbone.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.List;

import jakarta.transaction.Transactional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.backbone.catalog.domain.Category;
import app.backbone.catalog.domain.Contraindication;
import app.backbone.catalog.domain.Equipment;
import app.backbone.catalog.domain.Exercise;
import app.backbone.catalog.domain.Laterality;
import app.backbone.catalog.domain.Measure;
import app.backbone.catalog.domain.MovementPattern;
import app.backbone.catalog.domain.Muscle;
import app.backbone.catalog.domain.Scope;
import app.backbone.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ExerciseResourceTest {

    private static final String CUSTOM_ID = "gym-a-landmine-row";

    @BeforeEach
    @Transactional
    void storeOneTenantExercise() {
        if (Exercise.findById(CUSTOM_ID) != null) {
            return;
        }
        Exercise row = new Exercise();
        row.id = CUSTOM_ID;
        row.scope = Scope.TENANT;
        row.tenantId = "gym-a";
        row.name = "Landmine row";
        row.category = Category.STRENGTH;
        row.movementPattern = MovementPattern.HORIZONTAL_PULL;
        row.primaryMuscles = List.of(Muscle.LATS, Muscle.RHOMBOIDS);
        row.secondaryMuscles = List.of(Muscle.BICEPS);
        row.equipment = List.of(Equipment.BARBELL);
        row.laterality = Laterality.BILATERAL;
        row.measure = Measure.REPS;
        row.loadable = true;
        row.contraindications = List.of(Contraindication.LOW_BACK_PAIN);
        row.cues = List.of("Hinge until the torso is near 45 degrees");
        row.createdAt = Instant.now();
        row.updatedAt = row.createdAt;
        row.persist();
    }

    @Test
    void theOwningTenantSeesItsExerciseFromTheDatabase() {
        given().auth().oauth2(TestTokens.token("gym-a", "trainer"))
                .when().get("/exercises/" + CUSTOM_ID)
                .then().statusCode(200)
                .body("name", equalTo("Landmine row"))
                .body("scope", equalTo("TENANT"))
                .body("primaryMuscles", contains("LATS", "RHOMBOIDS"))
                .body("contraindications", contains("LOW_BACK_PAIN"));
        given().auth().oauth2(TestTokens.token("gym-a", "integration"))
                .when().get("/exercises")
                .then().statusCode(200)
                .body("items.id", hasItem(CUSTOM_ID))
                .body("page", equalTo(0))
                .body("size", equalTo(50));
    }

    @Test
    void anotherTenantsExerciseDoesNotExistForTheCaller() {
        given().auth().oauth2(TestTokens.token("gym-b", "admin"))
                .when().get("/exercises/" + CUSTOM_ID)
                .then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("gym-b", "admin"))
                .when().get("/exercises")
                .then().statusCode(200)
                .body("items.id", not(hasItem(CUSTOM_ID)));
    }

    @Test
    void pageParametersOutOfRangeAreListedAsFieldErrors() {
        given().auth().oauth2(TestTokens.token("gym-a", "trainer"))
                .queryParam("page", -1).queryParam("size", 500)
                .when().get("/exercises")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("page", "size"));
    }

    @Test
    void aNonNumericPageIsABadRequest() {
        given().auth().oauth2(TestTokens.token("gym-a", "trainer"))
                .queryParam("size", "many")
                .when().get("/exercises")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedWith413() {
        given().auth().oauth2(TestTokens.token("gym-a", "admin"))
                .contentType("application/json")
                .body("\"" + "x".repeat(1024 * 1024 + 1) + "\"")
                .when().post("/exercises")
                .then().statusCode(413)
                .contentType("application/problem+json");
    }
}
