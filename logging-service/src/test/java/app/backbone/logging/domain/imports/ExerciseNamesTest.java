package app.backbone.logging.domain.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExerciseNamesTest {

    /** Common exercises the global library has no equivalent of: an import reports them, never maps them. */
    private static final Set<String> DELIBERATELY_UNMAPPED = Set.of("Squat (Barbell)", "Squat (Smith Machine)",
            "Plank", "Rowing Machine", "Pull Up (Assisted)", "Elliptical Trainer");

    private static final Map<String, String> CATALOG_NAMES_BY_KEY = new HashMap<>();
    private static final ExerciseNames NAMES = ExerciseNames.builtIn();

    @BeforeAll
    static void readGlobalLibrary() throws IOException {
        JsonNode library = new ObjectMapper()
                .readTree(Path.of("../catalog-service/src/main/resources/library/global-exercises.json").toFile());
        library.forEach(exercise -> CATALOG_NAMES_BY_KEY.put(ExerciseNames.key(exercise.get("name").asText()),
                exercise.get("id").asText()));
    }

    @Test
    void keysIgnoreCaseAccentsPunctuationAndSpacing() {
        assertThat(ExerciseNames.key("  Triceps Pushdown (Cable - Straight Bar) ")).isEqualTo(
                "triceps pushdown cable straight bar");
        assertThat(ExerciseNames.key("Développé Couché & Écarté")).isEqualTo("developpe couche and ecarte");
        assertThat(ExerciseNames.key("Pull-Up")).isEqualTo(ExerciseNames.key("pull up"));
        assertThat(ExerciseNames.key("Ｐｕｓｈ　Ｕｐ")).isEqualTo("push up");
    }

    @Test
    void everyAliasNamesAGlobalLibraryExercise() {
        assertThat(CATALOG_NAMES_BY_KEY).hasSize(62);
        assertThat(NAMES.aliases().values()).isSubsetOf(CATALOG_NAMES_BY_KEY.values());
    }

    @Test
    void theAppsUsualNamesMap() {
        Map<String, String> expected = Map.of("Deadlift (Barbell)", "conventional-deadlift",
                "Romanian Deadlift (Barbell)", "romanian-deadlift", "Bent Over Row (Barbell)", "bent-over-barbell-row",
                "Lat Pulldown (Cable)", "lat-pulldown", "Seated Row (Cable)", "seated-cable-row",
                "Seated Cable Row - V Grip (Cable)", "seated-cable-row", "Face Pull", "face-pull",
                "Triceps Pushdown (Cable - Straight Bar)", "cable-triceps-pushdown", "Pull Up", "pull-up",
                "Chin Up", "chin-up");
        expected.forEach((name, id) -> assertThat(NAMES.resolve(name, Map.of(), Map.of())).as(name).contains(id));
    }

    @Test
    void everyNameInTheFixturesMapsOrIsADeliberatelyUnmappedCommonExercise() {
        Map<String, ImportSource> files = Map.ofEntries(Map.entry("strong-comma-en.csv", ImportSource.STRONG),
                Map.entry("strong-comma-no-notes-no-unit.csv", ImportSource.STRONG),
                Map.entry("strong-semicolon-kg.csv", ImportSource.STRONG),
                Map.entry("strong-semicolon-lbs.csv", ImportSource.STRONG),
                Map.entry("strong-older-row-units.csv", ImportSource.STRONG),
                Map.entry("strong-semicolon-de.csv", ImportSource.STRONG),
                Map.entry("strong-comma-fr.csv", ImportSource.STRONG),
                Map.entry("strong-bad-values.csv", ImportSource.STRONG),
                Map.entry("hevy-metric.csv", ImportSource.HEVY), Map.entry("hevy-imperial.csv", ImportSource.HEVY),
                Map.entry("backbone.csv", ImportSource.BACKBONE));
        Set<String> names = files.entrySet().stream()
                .flatMap(file -> Reading.resource(file.getKey(), file.getValue(), null, null).workouts().stream())
                .flatMap(workout -> workout.exercises().stream()).map(ImportedExercise::name)
                .collect(Collectors.toSet());

        Set<String> unmapped = names.stream()
                .filter(name -> NAMES.resolve(name, Map.of(), CATALOG_NAMES_BY_KEY).isEmpty())
                .collect(Collectors.toSet());

        assertThat(names).hasSizeGreaterThan(DELIBERATELY_UNMAPPED.size());
        assertThat(unmapped).isEqualTo(DELIBERATELY_UNMAPPED);
    }

    @Test
    void tenantAliasesComeFirstThenBuiltInThenCatalogNames() {
        Map<String, String> tenant = Map.of(ExerciseNames.key("Deadlift (Barbell)"), "sumo-deadlift");

        assertThat(NAMES.resolve("deadlift (barbell)", tenant, CATALOG_NAMES_BY_KEY)).contains("sumo-deadlift");
        assertThat(NAMES.resolve("Deadlift (Barbell)", Map.of(), CATALOG_NAMES_BY_KEY))
                .contains("conventional-deadlift");
        assertThat(NAMES.resolve("Band Good Morning", Map.of(), CATALOG_NAMES_BY_KEY)).contains("band-good-morning");
        assertThat(NAMES.resolve("Leg Press", Map.of(), CATALOG_NAMES_BY_KEY)).isEmpty();
    }

    @Test
    void closestCatalogNamesComeFirst() {
        List<String> closest = NAMES.closest("Romanian Deadlift (Kettlebell)", CATALOG_NAMES_BY_KEY, 3);

        assertThat(closest).hasSize(3).startsWith("romanian-deadlift");
        assertThat(NAMES.closest("Hammer Curl (Cable)", CATALOG_NAMES_BY_KEY, 1)).containsExactly("hammer-curl");
    }

    @Test
    void wordOrderMattersLittleToCloseness() {
        Map<String, String> catalog = new HashMap<>(CATALOG_NAMES_BY_KEY);
        catalog.put(ExerciseNames.key("rules-tennis-ball"), "rules-tennis-ball");
        catalog.put(ExerciseNames.key("rules-bench"), "rules-bench");

        assertThat(NAMES.closest("Curl Thing (Barbell)", catalog, 1)).containsExactly("barbell-curl");
        assertThat(NAMES.closest("Pulldown, Lat (Cable)", catalog, 1)).containsExactly("lat-pulldown");
    }
}
