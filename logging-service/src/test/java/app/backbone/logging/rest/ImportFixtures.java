package app.backbone.logging.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import app.backbone.common.catalog.CatalogExercise;
import app.backbone.common.catalog.CatalogTopic;
import app.backbone.logging.TestEvents;
import app.backbone.testsupport.TestTokens;
import app.backbone.testsupport.TopicWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;

/** What the import tests share: global exercises as catalog-service publishes them, and waiting for an import. */
final class ImportFixtures {

    /** The global exercises the test files name, as the global library describes them. */
    private static final Map<String, String> EXERCISES = Map.of(
            "barbell-bench-press", TestEvents.exerciseChanged("barbell-bench-press", "Barbell Bench Press", 0,
                    "STRENGTH", "HORIZONTAL_PUSH", List.of("PECTORALS"), List.of("FRONT_DELTOIDS", "TRICEPS")),
            "bent-over-barbell-row", TestEvents.exerciseChanged("bent-over-barbell-row", "Bent-Over Barbell Row", 0,
                    "STRENGTH", "HORIZONTAL_PULL", List.of("LATS", "RHOMBOIDS", "MIDDLE_TRAPEZIUS"),
                    List.of("REAR_DELTOIDS", "BICEPS")),
            "conventional-deadlift", TestEvents.exerciseChanged("conventional-deadlift", "Conventional Deadlift", 0,
                    "STRENGTH", "HIP_HINGE", List.of("ERECTOR_SPINAE", "GLUTES", "HAMSTRINGS"), List.of("LATS")),
            "barbell-curl", TestEvents.exerciseChanged("barbell-curl", "Barbell Curl", 0, "STRENGTH",
                    "ELBOW_FLEXION", List.of("BICEPS"), List.of("FOREARMS")));

    private ImportFixtures() {
    }

    /** Publishes the exercises on the catalog topic and waits until the read model holds them. */
    static void catalogHas(String... exerciseIds) {
        try (TopicWriter writer = new TopicWriter()) {
            for (String id : exerciseIds) {
                writer.send(CatalogTopic.EXERCISES, id, EXERCISES.get(id));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> CatalogExercise.byIds(List.of(exerciseIds)).size()) == exerciseIds.length);
    }

    /** The import at {@code location} once it has ended, which must be {@code DONE}. */
    static JsonPath finished(String location, String tenant) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            last[0] = given().auth().oauth2(TestTokens.token(tenant, "trainer")).when().get(location)
                    .then().statusCode(200).extract().jsonPath();
            return !"RUNNING".equals(last[0].getString("status"));
        });
        assertEquals("DONE", last[0].getString("status"), last[0].prettify());
        return last[0];
    }
}
