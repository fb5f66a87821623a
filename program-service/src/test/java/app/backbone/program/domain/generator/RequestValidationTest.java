package app.backbone.program.domain.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.backbone.program.domain.Goal;

/** What the generator cannot serve is refused with a clear message. */
class RequestValidationTest {

    private static IllegalArgumentException refused(ProgramSpec request) {
        return assertThrows(IllegalArgumentException.class,
                () -> Programs.GENERATOR.generate(request, LibraryCatalog.catalog()));
    }

    @Test
    void aMissingGoalIsRefused() {
        assertTrue(refused(new ProgramSpec(null, null, null, null, 1, false, false)).getMessage()
                .contains("goal"));
    }

    @Test
    void aMissingRequestOrCatalogIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Programs.GENERATOR.generate(null, LibraryCatalog.catalog()));
        assertThrows(IllegalArgumentException.class,
                () -> Programs.GENERATOR.generate(Programs.request(Goal.STRENGTH).build(), null));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 3, 7})
    void sessionsPerWeekOutsideOneToTwoIsRefused(int sessions) {
        for (Goal goal : Goal.values()) {
            String message = refused(Programs.request(goal).sessions(sessions).build()).getMessage();
            assertTrue(message.contains("sessionsPerWeek") && message.contains("[1, 2]")
                    && message.contains(String.valueOf(sessions)), message);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3})
    void sessionsPerWeekIsRefusedAsAnInvalidSpecNamingTheFieldAndItsValues(int sessions) {
        for (Goal goal : Goal.values()) {
            InvalidSpec refused = assertThrows(InvalidSpec.class,
                    () -> Programs.request(goal).sessions(sessions).generate());
            assertEquals("sessionsPerWeek", refused.field());
            assertEquals(List.of("1", "2"), refused.allowed());
        }
    }

    @Test
    void aMissingGoalIsAnInvalidSpecListingTheGoals() {
        InvalidSpec refused = assertThrows(InvalidSpec.class, () -> Programs.GENERATOR.generate(
                new ProgramSpec(null, null, null, null, 1, false, false), LibraryCatalog.catalog()));
        assertEquals("goal", refused.field());
        assertEquals(List.of("STRENGTH", "HYPERTROPHY", "BACK_HEALTH"), refused.allowed());
    }

    @Test
    void aGoalWithoutATemplateIsRefused() {
        ProgramTemplate health = TemplateLibrary.loadDefault().forGoal(Goal.BACK_HEALTH).orElseThrow();
        ProgramGenerator healthOnly = new ProgramGenerator(new TemplateLibrary(List.of(health)));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> healthOnly.generate(
                Programs.request(Goal.STRENGTH).build(), LibraryCatalog.catalog()));
        assertTrue(refused.getMessage().contains("STRENGTH"));
    }

    @Test
    void nullConditionsMeanNone() {
        ProgramSpec request = new ProgramSpec(Goal.BACK_HEALTH, null, null, null, 1, false, false);
        assertTrue(request.conditions().isEmpty());
        assertTrue(request.has(Equipment.BARBELL), "no equipment list means a full gym");
        ProgramSpec home = new ProgramSpec(Goal.BACK_HEALTH, null, java.util.Set.of(), null, 1, false, false);
        assertTrue(home.has(Equipment.BODYWEIGHT) && home.has(Equipment.WALL) && !home.has(Equipment.BENCH));
    }
}
