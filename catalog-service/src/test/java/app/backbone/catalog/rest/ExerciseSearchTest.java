package app.backbone.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.backbone.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ExerciseSearchTest {

    private static JsonPath search(Map<String, ?> params) {
        return given().auth().oauth2(TestTokens.token("search-gym", "trainer"))
                .queryParams(params).queryParam("size", 200)
                .when().get("/exercises")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void muscleFilterKeepsExercisesWorkingThatMuscle() {
        JsonPath page = search(Map.of("muscle", "LATS"));
        List<Map<String, List<String>>> items = page.getList("items");
        assertFalse(items.isEmpty());
        for (Map<String, List<String>> item : items) {
            assertTrue(item.get("primaryMuscles").contains("LATS") || item.get("secondaryMuscles").contains("LATS"));
        }
        assertEquals(items.size(), page.getInt("total"));
    }

    @Test
    void filtersCombine() {
        JsonPath page = search(Map.of("pattern", "VERTICAL_PULL", "equipment", "PULL_UP_BAR"));
        List<String> ids = page.getList("items.id");
        assertTrue(ids.contains("pull-up"));
        assertTrue(ids.contains("chin-up"));
        assertFalse(ids.contains("lat-pulldown"));
        page.getList("items.movementPattern").forEach(p -> assertEquals("VERTICAL_PULL", p));
        List<List<String>> equipment = page.getList("items.equipment");
        equipment.forEach(e -> assertTrue(e.contains("PULL_UP_BAR"), e.toString()));
    }

    @Test
    void aContraindicationLeavesOutWhatItRulesOut() {
        JsonPath page = search(Map.of("pattern", "VERTICAL_PULL", "contraindication", "DEPRESSED_SHOULDERS"));
        List<String> ids = page.getList("items.id");
        assertFalse(ids.contains("pull-up"));
        assertFalse(ids.contains("chin-up"));
        assertTrue(ids.contains("lat-pulldown"));
        List<List<String>> contraindications = page.getList("items.contraindications");
        contraindications.forEach(c -> assertFalse(c.contains("DEPRESSED_SHOULDERS"), c.toString()));
    }

    @Test
    void categoryAndNameTextFilter() {
        List<String> stretches = search(Map.of("category", "STRETCH")).getList("items.id");
        assertTrue(stretches.containsAll(List.of("knee-hug-stretch", "childs-pose")));
        List<String> names = search(Map.of("q", "DEADLIFT")).getList("items.name");
        assertFalse(names.isEmpty());
        names.forEach(name -> assertTrue(name.toLowerCase().contains("deadlift"), name));
    }

    @Test
    void pagesCoverTheWholeLibraryOnce() {
        int total = search(Map.of()).getInt("total");
        Set<String> seen = new HashSet<>();
        for (int pageIndex = 0; pageIndex * 7 < total; pageIndex++) {
            List<String> ids = given().auth().oauth2(TestTokens.token("search-gym", "trainer"))
                    .queryParam("page", pageIndex).queryParam("size", 7)
                    .when().get("/exercises")
                    .then().statusCode(200).extract().jsonPath().getList("items.id");
            ids.forEach(id -> assertTrue(seen.add(id), "listed twice: " + id));
        }
        assertEquals(total, seen.size());
    }
}
