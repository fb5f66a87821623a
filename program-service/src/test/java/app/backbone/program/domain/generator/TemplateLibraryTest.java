package app.backbone.program.domain.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.backbone.program.domain.Goal;
import app.backbone.program.domain.generator.ProgramTemplate.Choice;
import app.backbone.program.domain.generator.ProgramTemplate.Slot;

/** The shipped templates are consistent with themselves and with the real global library. */
class TemplateLibraryTest {

    private final TemplateLibrary library = TemplateLibrary.loadDefault();

    @Test
    void theDefaultLibraryServesEveryGoalOnceOrTwiceAWeek() {
        for (Goal goal : Goal.values()) {
            ProgramTemplate template = library.forGoal(goal).orElseThrow();
            assertEquals(List.of(1, 2), template.sessionNames().keySet().stream().sorted().toList(), goal.name());
        }
    }

    @Test
    void everyTemplateExerciseIsInTheGlobalLibraryAndFitsItsSlot() {
        List<String> problems = new ArrayList<>();
        for (ProgramTemplate template : library.templates()) {
            for (Slot slot : template.slots()) {
                slot.goals().forEach((goal, choices) -> {
                    for (Choice choice : choices) {
                        String where = template.id() + "/" + slot.slot() + "/" + goal + "/" + choice.exerciseId();
                        CatalogEntry entry = LibraryCatalog.catalog().find(choice.exerciseId()).orElse(null);
                        if (entry == null) {
                            problems.add(where + ": not in the library");
                            continue;
                        }
                        if (entry.pattern() != slot.patternOf(choice)) {
                            problems.add(where + ": pattern " + entry.pattern() + ", slot says "
                                    + slot.patternOf(choice));
                        }
                        if (entry.measure().timed() != choice.dose().timed()) {
                            problems.add(where + ": measure " + entry.measure() + " does not fit the dose");
                        }
                        if (entry.measure().perSide() != choice.dose().perSide()) {
                            problems.add(where + ": perSide disagrees with " + entry.measure());
                        }
                        for (String alternative : choice.alternatives()) {
                            CatalogEntry alt = LibraryCatalog.catalog().find(alternative).orElse(null);
                            if (alt == null || alt.pattern() != slot.patternOf(choice)) {
                                problems.add(where + ": alternative " + alternative + " missing or of another pattern");
                            }
                        }
                    }
                });
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aTemplateWithRepsAndSecondsInOneDoseIsRefusedWithTheReason() {
        String json = """
                {"id": "bad", "goals": ["STRENGTH"], "sessionNames": {"1": ["Only"]},
                 "slots": [{"slot": "hinge", "block": "MAIN", "pattern": "HIP_HINGE", "goals": {"STRENGTH": [
                   {"exerciseId": "conventional-deadlift", "rationale": "x",
                    "dose": {"sets": 3, "repsMin": 5, "seconds": 30, "restSeconds": 60}}]}}]}
                """;
        IOException refused = refused(json);
        assertTrue(refused.getMessage().contains("either repsMin or seconds"), refused.getMessage());
    }

    @Test
    void aTemplateWhoseSlotCouldFallBackWithoutASubstituteDoseIsRefused() {
        String json = """
                {"id": "no-doses", "goals": ["BACK_HEALTH"], "sessionNames": {"1": ["Only"]},
                 "slots": [{"slot": "row", "block": "MAIN", "pattern": "HORIZONTAL_PULL", "goals": {"BACK_HEALTH": [
                   {"exerciseId": "trx-row", "rationale": "x",
                    "dose": {"sets": 3, "repsMin": 12, "repsMax": 15, "restSeconds": 60, "targetRir": 2}}]}}],
                 "substituteDoses": [{"patterns": ["HORIZONTAL_PULL"], "loadable": true, "rationale": "Loaded rows.",
                    "dose": {"sets": 3, "repsMin": 8, "repsMax": 12, "restSeconds": 90, "targetRir": 2}}]}
                """;
        IOException refused = refused(json);
        assertTrue(refused.getMessage().contains("no substitute dose for every HORIZONTAL_PULL exercise"),
                refused.getMessage());
    }

    @Test
    void aTemplateWithAnUnknownFieldIsRefused() {
        String json = """
                {"id": "typo", "goals": ["STRENGTH"], "sessionNames": {"1": ["Only"]}, "slotz": []}
                """;
        refused(json);
    }

    private static IOException refused(String json) {
        return assertThrows(IOException.class,
                () -> TemplateLibrary.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void twoTemplatesForOneGoalAreRefused() {
        ProgramTemplate strength = library.forGoal(Goal.STRENGTH).orElseThrow();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new TemplateLibrary(List.of(strength, strength)));
        assertTrue(refused.getMessage().contains("STRENGTH") || refused.getMessage().contains("HYPERTROPHY"));
    }

    @Test
    void aChainTemplateReadFromJsonDrivesTheGenerator() throws IOException {
        String json = """
                {"id": "chain-health", "goals": ["BACK_HEALTH"], "sessionNames": {"1": ["Quick back care"]},
                 "slots": [{"slot": "row", "block": "MAIN", "pattern": "HORIZONTAL_PULL", "goals": {"BACK_HEALTH": [
                   {"exerciseId": "trx-row", "rationale": "The chain's favourite row.", "alternatives": ["band-row"],
                    "dose": {"sets": 3, "repsMin": 12, "repsMax": 15, "restSeconds": 60, "targetRir": 2}}]}}],
                 "substituteDoses": [{"patterns": ["HORIZONTAL_PULL"], "rationale": "Any row, the chain's way.",
                    "dose": {"sets": 3, "repsMin": 10, "repsMax": 12, "restSeconds": 60, "targetRir": 2}}],
                 "notes": [{"text": "Chain note."}]}
                """;
        ProgramTemplate template = TemplateLibrary.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        GeneratedProgram program = new ProgramGenerator(new TemplateLibrary(List.of(template))).generate(
                Programs.request(Goal.BACK_HEALTH).equipment(Programs.BODYWEIGHT_AND_BAND).weeks(1).build(),
                LibraryCatalog.catalog());
        assertEquals("Quick back care", program.sessions().get(0).name());
        assertEquals("band-row", program.sessions().get(0).prescriptions().get(0).exerciseId());
        assertEquals(List.of("Chain note."), program.notes());
    }
}
