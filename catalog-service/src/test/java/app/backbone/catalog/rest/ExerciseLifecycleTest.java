package app.backbone.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import app.backbone.testsupport.ProblemJson;
import app.backbone.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ExerciseLifecycleTest {

    private static RequestSpecification as(String tenant, String role) {
        return given().auth().oauth2(TestTokens.token(tenant, role)).contentType("application/json");
    }

    @Test
    void anAdminCreatesChangesAndRetiresItsOwnExercise() {
        String location = as("lifecycle-gym", "admin").body(ExerciseLifecycleTestData.body("Chest-supported row"))
                .when().post("/exercises")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("id", equalTo("lifecycle-gym.chest-supported-row"))
                .body("scope", equalTo("TENANT"))
                .extract().header("Location");
        String path = URI.create(location).getPath();

        String etag = as("lifecycle-gym", "trainer").when().get(path)
                .then().statusCode(200).extract().header("ETag");
        as("lifecycle-gym", "trainer").header("If-None-Match", etag).when().get(path)
                .then().statusCode(304);

        as("lifecycle-gym", "admin").body(ExerciseLifecycleTestData.body("Chest-supported row")).when().put(path)
                .then().statusCode(428).contentType(ProblemJson.MEDIA_TYPE);
        as("lifecycle-gym", "admin").header("If-Match", "\"7\"")
                .body(ExerciseLifecycleTestData.body("Chest-supported row")).when().put(path)
                .then().statusCode(412).contentType(ProblemJson.MEDIA_TYPE);
        as("lifecycle-gym", "admin").header("If-Match", etag)
                .body(ExerciseLifecycleTestData.body("Chest-supported row, pause at top")).when().put(path)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo("Chest-supported row, pause at top"));
        as("lifecycle-gym", "trainer").header("If-None-Match", etag).when().get(path)
                .then().statusCode(200);

        as("lifecycle-gym", "admin").when().delete(path).then().statusCode(204);
        as("lifecycle-gym", "trainer").when().get(path)
                .then().statusCode(200).body("retired", equalTo(true));
        as("lifecycle-gym", "trainer").queryParam("size", 200).when().get("/exercises")
                .then().statusCode(200).body("items.id", not(hasItem("lifecycle-gym.chest-supported-row")));
        as("lifecycle-gym", "admin").when().delete(path).then().statusCode(204);
    }

    @Test
    void aSearchAskedAgainShowsEachChangeAtOnce() {
        String gym = "answers-gym";
        Supplier<RequestSpecification> search = () -> as(gym, "trainer").queryParam("q", "landmine");
        search.get().when().get("/exercises").then().statusCode(200).body("total", equalTo(0));
        String path = URI.create(as(gym, "admin").body(ExerciseLifecycleTestData.body("Landmine press"))
                .when().post("/exercises").then().statusCode(201).extract().header("Location")).getPath();
        search.get().when().get("/exercises").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].name", equalTo("Landmine press"));
        as(gym, "admin").header("If-Match", "\"0\"").body(ExerciseLifecycleTestData.body("Landmine press, kneeling"))
                .when().put(path).then().statusCode(200);
        search.get().when().get("/exercises").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].name", equalTo("Landmine press, kneeling"));
        as("other-answers-gym", "trainer").queryParam("q", "landmine").when().get("/exercises")
                .then().statusCode(200).body("total", equalTo(0));
        as(gym, "admin").when().delete(path).then().statusCode(204);
        search.get().when().get("/exercises").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anotherTenantsExerciseIsNotFoundInEveryVerb() {
        String path = "/exercises/" + as("owner-gym", "admin").body(ExerciseLifecycleTestData.body("Seal row"))
                .when().post("/exercises").then().statusCode(201).extract().path("id");
        as("other-gym", "admin").when().get(path).then().statusCode(404).contentType(ProblemJson.MEDIA_TYPE);
        as("other-gym", "admin").header("If-Match", "\"0\"").body(ExerciseLifecycleTestData.body("Seal row"))
                .when().put(path)
                .then().statusCode(404);
        as("other-gym", "admin").when().delete(path).then().statusCode(404);
        as("owner-gym", "trainer").when().get(path).then().statusCode(200).body("retired", equalTo(false));
    }

    @Test
    void onlyAdminsChangeTheCatalog() {
        as("roles-gym", "trainer").body(ExerciseLifecycleTestData.body("Meadows row")).when().post("/exercises")
                .then().statusCode(403).contentType(ProblemJson.MEDIA_TYPE);
        as("roles-gym", "trainer").header("If-Match", "\"0\"").body(ExerciseLifecycleTestData.body("Meadows row"))
                .when().put("/exercises/roles-gym.meadows-row")
                .then().statusCode(403);
        as("roles-gym", "integration").when().delete("/exercises/roles-gym.meadows-row")
                .then().statusCode(403);
    }

    @Test
    void theGlobalLibraryIsReadOnly() {
        as("any-gym", "admin").header("If-Match", "\"0\"").body(ExerciseLifecycleTestData.body("Deadlift")).when()
                .put("/exercises/conventional-deadlift")
                .then().statusCode(403).contentType(ProblemJson.MEDIA_TYPE);
        as("any-gym", "admin").when().delete("/exercises/conventional-deadlift").then().statusCode(403);
        as("any-gym", "trainer").when().get("/exercises/conventional-deadlift")
                .then().statusCode(200).body("retired", equalTo(false)).body("scope", equalTo("GLOBAL"));
    }

    @Test
    void aSecondExerciseWithTheSameNameConflicts() {
        as("twin-gym", "admin").body(ExerciseLifecycleTestData.body("Kroc row")).when().post("/exercises")
                .then().statusCode(201);
        as("twin-gym", "admin").body(ExerciseLifecycleTestData.body("Kroc row")).when().post("/exercises")
                .then().statusCode(409).contentType(ProblemJson.MEDIA_TYPE);
        as("twin-gym-2", "admin").body(ExerciseLifecycleTestData.body("Kroc row")).when().post("/exercises")
                .then().statusCode(201);
    }

    @Test
    void ifNoneMatchAnswers304ForTheCurrentTagWeakOrStrongListedOrStar() {
        String path = "/exercises/" + create("etag-gym", "Helms row");
        for (String ifNoneMatch : List.of("\"0\"", "W/\"0\"", "\"5\", \"0\"", "*")) {
            as("etag-gym", "trainer").header("If-None-Match", ifNoneMatch).when().get(path)
                    .then().statusCode(304).header("ETag", "\"0\"");
        }
        as("etag-gym", "trainer").header("If-None-Match", "\"5\"").when().get(path)
                .then().statusCode(200).header("ETag", "\"0\"").body("name", equalTo("Helms row"));
    }

    @Test
    void aReadWithAnIfMatchThatNamesAnotherVersionFailsWithAProblem() {
        String path = "/exercises/" + create("etag-gym", "Rack row");
        as("etag-gym", "trainer").header("If-Match", "\"3\"").when().get(path)
                .then().statusCode(412).contentType(ProblemJson.MEDIA_TYPE).body("status", equalTo(412));
        as("etag-gym", "trainer").header("If-Match", "\"0\"").when().get(path)
                .then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void changesNeedAnIfMatchNamingTheStoredVersion() {
        String path = "/exercises/" + create("etag-gym", "Spider row");
        for (String notIssued : List.of("*", "0", "\"zero\"")) {
            as("etag-gym", "admin").header("If-Match", notIssued).body(ExerciseLifecycleTestData.body("Spider row"))
                    .when().put(path)
                    .then().statusCode(412).contentType(ProblemJson.MEDIA_TYPE)
                    .body("title", equalTo("Precondition failed"));
        }
        as("etag-gym", "admin").header("If-Match", "W/\"0\"").body(ExerciseLifecycleTestData.body("Spider row"))
                .when().put(path)
                .then().statusCode(200).header("ETag", "\"1\"");
        as("etag-gym", "admin").header("If-Match", "\"0\"").when().delete(path)
                .then().statusCode(412).contentType(ProblemJson.MEDIA_TYPE).body("status", equalTo(412));
        as("etag-gym", "admin").header("If-Match", "\"1\"").when().delete(path).then().statusCode(204);
        as("etag-gym", "trainer").when().get(path).then().statusCode(200).body("retired", equalTo(true));
    }

    private static String create(String tenant, String name) {
        return as(tenant, "admin").body(ExerciseLifecycleTestData.body(name)).when().post("/exercises")
                .then().statusCode(201).extract().path("id");
    }
}
