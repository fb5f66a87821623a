package app.backbone.program.domain.generator;

import static app.backbone.program.domain.generator.Programs.block;
import static app.backbone.program.domain.generator.Programs.ids;
import static app.backbone.program.domain.generator.Programs.request;
import static app.backbone.program.domain.generator.Programs.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.backbone.program.domain.Goal;

/** The strength version of the back workout (article 1). */
class StrengthRulesTest {

    private final GeneratedProgram program = request(Goal.STRENGTH).generate();

    @Test
    void strengthHingeIsTheConventionalDeadliftThreeToFiveSetsOfThreeToSix() {
        Prescription hinge = required(program, 0, "hinge");
        assertEquals("conventional-deadlift", hinge.exerciseId());
        assertEquals("3-5 x 3-6", hinge.dose());
        assertEquals(3, hinge.sets());
        assertEquals(5, hinge.setsMax());
        assertEquals(3, hinge.repsMin());
        assertEquals(6, hinge.repsMax());
        assertEquals(hinge, program.sessions().get(0).prescriptions().get(0), "the hinge opens the session");
    }

    @Test
    void strengthRowIsTheBackExtensionDumbbellRowThreeToFourSetsOfEightToTwelve() {
        Prescription row = required(program, 0, "row");
        assertEquals("back-extension-dumbbell-row", row.exerciseId());
        assertEquals("3-4 x 8-12", row.dose());
        assertFalse(row.perSide());
    }

    @Test
    void strengthPullDownIsTheStraightArmPulldownThreeSetsOfTenToTwelve() {
        Prescription pullDown = required(program, 0, "pull-down");
        assertEquals("straight-arm-pulldown", pullDown.exerciseId());
        assertEquals("3 x 10-12", pullDown.dose());
        assertTrue(pullDown.rationale().contains("deadlift"), "explains the carry-over to the deadlift");
    }

    @Test
    void strengthMainBlockIsHingeThenRowThenPullDown() {
        assertEquals(List.of("conventional-deadlift", "back-extension-dumbbell-row", "straight-arm-pulldown"),
                ids(block(program.sessions().get(0), BlockType.MAIN)));
    }

    @Test
    void strengthSupersetIsMachineRowAndPulldownMachineShortOfFailure() {
        PlannedSession session = request(Goal.STRENGTH).superset().generate().sessions().get(0);
        Block superset = block(session, BlockType.SUPERSET);
        assertEquals(List.of("machine-row", "machine-pulldown"), ids(superset));
        for (Prescription p : superset.prescriptions()) {
            assertEquals("3 x 12-15", p.dose());
            assertFalse(p.toFailure());
            assertEquals(2, p.targetRir());
        }
        assertEquals(0, superset.prescriptions().get(0).restSeconds(), "back to back");
        assertTrue(superset.prescriptions().get(1).restSeconds() > 0, "rest after the pair");
        assertTrue(superset.note().contains("either"), "either machine may start");
    }

    @Test
    void supersetOnlyWhenRequested() {
        assertTrue(program.sessions().get(0).blocks().stream().noneMatch(b -> b.type() == BlockType.SUPERSET));
    }

    @Test
    void strengthWorkIsNeverTakenToFailure() {
        List<WeakPoint> weakPoints = new ArrayList<>(Arrays.asList(WeakPoint.values()));
        weakPoints.add(null);
        for (WeakPoint weakPoint : weakPoints) {
            for (int sessions = 1; sessions <= 2; sessions++) {
                GeneratedProgram full = request(Goal.STRENGTH).weakPoint(weakPoint).sessions(sessions).superset()
                        .arms().generate();
                for (PlannedSession session : full.sessions()) {
                    for (Prescription p : session.prescriptions()) {
                        assertFalse(p.toFailure(), p.name() + " in " + session.name());
                        assertEquals(2, p.targetRir(), p.name() + " keeps two reps in reserve");
                    }
                }
            }
        }
    }

    @Test
    void strengthNotesPointToLiftsOutsideTheBackWithoutPrescribingThem() {
        assertTrue(program.notes().stream().anyMatch(note -> note.contains("hip thrust")));
        assertTrue(program.sessions().stream().flatMap(s -> s.prescriptions().stream())
                .noneMatch(p -> p.exerciseId().equals("hip-thrust")));
        assertTrue(program.notes().stream().anyMatch(note -> note.contains("never goes to failure")));
        assertNull(program.notes().stream().filter(note -> note.contains("superset at the end")).findAny()
                .orElse(null), "the hypertrophy failure note is not given for strength");
    }
}
