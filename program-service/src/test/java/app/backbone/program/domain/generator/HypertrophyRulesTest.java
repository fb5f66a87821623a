package app.backbone.program.domain.generator;

import static app.backbone.program.domain.generator.Programs.block;
import static app.backbone.program.domain.generator.Programs.ids;
import static app.backbone.program.domain.generator.Programs.request;
import static app.backbone.program.domain.generator.Programs.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.backbone.program.domain.Goal;

/** The hypertrophy version of the back workout (article 1). */
class HypertrophyRulesTest {

    private final GeneratedProgram program = request(Goal.HYPERTROPHY).superset().generate();

    @Test
    void hypertrophyHingeIsTheRomanianDeadliftFourSetsOfEightToTen() {
        Prescription hinge = required(program, 0, "hinge");
        assertEquals("romanian-deadlift", hinge.exerciseId());
        assertEquals("4 x 8-10", hinge.dose());
        assertNull(hinge.setsMax());
        assertEquals(hinge, program.sessions().get(0).prescriptions().get(0), "the hinge opens the session");
    }

    @Test
    void hypertrophyRowIsTheTwoHandleCableRowFourSetsOfTenToTwelve() {
        Prescription row = required(program, 0, "row");
        assertEquals("two-handle-cable-row", row.exerciseId());
        assertEquals("4 x 10-12", row.dose());
    }

    @Test
    void hypertrophyPullDownIsTheSingleArmLatPulldownFourSetsOfFifteenPlusPerSide() {
        Prescription pullDown = required(program, 0, "pull-down");
        assertEquals("single-arm-lat-pulldown", pullDown.exerciseId());
        assertEquals(4, pullDown.sets());
        assertEquals(15, pullDown.repsMin());
        assertNull(pullDown.repsMax(), "open-ended: 15+");
        assertTrue(pullDown.perSide());
        assertEquals("4 x 15+ per side", pullDown.dose());
    }

    @Test
    void hypertrophySupersetGoesToFailureThreeSetsOfTwelveToFifteenEach() {
        Block superset = block(program.sessions().get(0), BlockType.SUPERSET);
        assertEquals(List.of("machine-row", "machine-pulldown"), ids(superset));
        for (Prescription p : superset.prescriptions()) {
            assertEquals("3 x 12-15", p.dose());
            assertTrue(p.toFailure());
            assertNull(p.targetRir());
        }
    }

    @Test
    void hypertrophyMainLiftsStopShortOfFailure() {
        for (Prescription p : block(program.sessions().get(0), BlockType.MAIN).prescriptions()) {
            assertFalse(p.toFailure(), p.name());
            assertTrue(p.targetRir() != null && p.targetRir() <= 2, p.name());
        }
    }
}
