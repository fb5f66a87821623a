package app.backbone.program.domain.generator;

import static app.backbone.program.domain.generator.Programs.block;
import static app.backbone.program.domain.generator.Programs.blockTypes;
import static app.backbone.program.domain.generator.Programs.ids;
import static app.backbone.program.domain.generator.Programs.request;
import static app.backbone.program.domain.generator.Programs.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import app.backbone.program.domain.Goal;

/** Exercise order, weak points, weekly frequency and the arms add-on of the back workout (article 1). */
class OrderAndWeakPointRulesTest {

    @ParameterizedTest
    @EnumSource(value = Goal.class, names = {"STRENGTH", "HYPERTROPHY"})
    void hingeComesFirstInEverySession(Goal goal) {
        for (WeakPoint weakPoint : new WeakPoint[] {null, WeakPoint.LATS, WeakPoint.MID_BACK, WeakPoint.LOWER_BACK}) {
            GeneratedProgram program = request(goal).weakPoint(weakPoint).sessions(2).superset().arms().generate();
            for (PlannedSession session : program.sessions()) {
                assertEquals(BlockType.MAIN, session.blocks().get(0).type());
                assertEquals("hinge", session.prescriptions().get(0).slot(), session.name() + " with " + weakPoint);
            }
            assertTrue(program.notes().stream().anyMatch(note -> note.contains("hip hinge always comes first")));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Goal.class, names = {"STRENGTH", "HYPERTROPHY"})
    void latsWeakPointPutsALatPulldownBeforeAOneArmCableRow(Goal goal) {
        GeneratedProgram program = request(goal).weakPoint(WeakPoint.LATS).generate();
        List<Prescription> main = block(program.sessions().get(0), BlockType.MAIN).prescriptions();
        assertEquals(List.of("hinge", "pull-down", "row"), main.stream().map(Prescription::slot).toList());
        assertEquals("lat-pulldown", main.get(1).exerciseId());
        assertEquals("single-arm-cable-row", main.get(2).exerciseId());
        assertTrue(main.get(2).perSide());
        assertTrue(program.notes().stream().anyMatch(note -> note.startsWith("Weak point lats")));
        assertTrue(program.substitutions().isEmpty(), "a rule, not a substitution");
    }

    @ParameterizedTest
    @EnumSource(value = Goal.class, names = {"STRENGTH", "HYPERTROPHY"})
    void latsWeakPointStartsTheSupersetWithThePulldownMachine(Goal goal) {
        Block superset = block(request(goal).weakPoint(WeakPoint.LATS).superset().generate().sessions().get(0),
                BlockType.SUPERSET);
        assertEquals(List.of("machine-pulldown", "machine-row"), ids(superset));
        assertEquals(0, superset.prescriptions().get(0).restSeconds());
        assertTrue(superset.prescriptions().get(1).restSeconds() > 0);
    }

    @ParameterizedTest
    @EnumSource(value = Goal.class, names = {"STRENGTH", "HYPERTROPHY"})
    void midBackWeakPointKeepsTheRowRightAfterTheHingeWithAnExtraSet(Goal goal) {
        GeneratedProgram standard = request(goal).generate();
        GeneratedProgram program = request(goal).weakPoint(WeakPoint.MID_BACK).generate();
        List<Prescription> main = block(program.sessions().get(0), BlockType.MAIN).prescriptions();
        assertEquals(List.of("hinge", "row", "pull-down"), main.stream().map(Prescription::slot).toList());
        Prescription row = main.get(1);
        Prescription usual = required(standard, 0, "row");
        assertEquals(usual.exerciseId(), row.exerciseId());
        assertEquals(usual.sets() + 1, row.sets());
        assertTrue(program.notes().stream().anyMatch(note -> note.startsWith("Weak point mid back")));
    }

    @ParameterizedTest
    @EnumSource(value = Goal.class, names = {"STRENGTH", "HYPERTROPHY"})
    void lowerBackWeakPointKeepsTheHingeFirstWithAnExtraSet(Goal goal) {
        GeneratedProgram standard = request(goal).generate();
        GeneratedProgram program = request(goal).weakPoint(WeakPoint.LOWER_BACK).generate();
        Prescription first = program.sessions().get(0).prescriptions().get(0);
        Prescription usual = required(standard, 0, "hinge");
        assertEquals(usual.exerciseId(), first.exerciseId());
        assertEquals(usual.sets() + 1, first.sets());
        assertTrue(program.notes().stream().anyMatch(note -> note.startsWith("Weak point lower back")));
    }

    @ParameterizedTest
    @EnumSource(WeakPoint.class)
    void aWeakPointIsTheReasonForASecondBackSession(WeakPoint weakPoint) {
        for (Goal goal : Goal.values()) {
            GeneratedProgram once = request(goal).weakPoint(weakPoint).generate();
            assertTrue(once.notes().stream().anyMatch(note -> note.contains("second back session")), goal + "");
            GeneratedProgram twice = request(goal).weakPoint(weakPoint).sessions(2).generate();
            assertEquals(2, twice.sessions().size());
            assertTrue(twice.notes().stream().anyMatch(note -> note.contains("weak point is the reason")),
                    goal + "");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Goal.class, names = {"STRENGTH", "HYPERTROPHY"})
    void twoSessionsAWeekGiveTwoSessionsWithLighterVariations(Goal goal) {
        GeneratedProgram program = request(goal).sessions(2).generate();
        assertEquals(List.of("Back workout A", "Back workout B"),
                program.sessions().stream().map(PlannedSession::name).toList());
        PlannedSession a = program.sessions().get(0);
        PlannedSession b = program.sessions().get(1);
        assertEquals(a.prescriptions().stream().map(Prescription::slot).toList(),
                b.prescriptions().stream().map(Prescription::slot).toList(), "same structure");
        assertNotEquals(a.prescriptions().get(0).exerciseId(), b.prescriptions().get(0).exerciseId(),
                "session B varies the hinge");
        assertTrue(program.notes().stream().anyMatch(note -> note.contains("once or twice a week")));
        assertEquals(1, request(goal).generate().sessions().size());
    }

    @ParameterizedTest
    @EnumSource(Goal.class)
    void armsAddOnAddsOneBicepsAndOneTricepsExercise(Goal goal) {
        ExerciseCatalog catalog = LibraryCatalog.catalog();
        GeneratedProgram program = request(goal).arms().generate();
        PlannedSession session = program.sessions().get(0);
        Block arms = block(session, BlockType.ACCESSORY);
        assertEquals(2, arms.prescriptions().size());
        assertEquals(MovementPattern.ELBOW_FLEXION, catalog.find(arms.prescriptions().get(0).exerciseId())
                .orElseThrow().pattern());
        assertEquals(MovementPattern.ELBOW_EXTENSION, catalog.find(arms.prescriptions().get(1).exerciseId())
                .orElseThrow().pattern());
        assertTrue(blockTypes(session).indexOf(BlockType.ACCESSORY) > blockTypes(session).indexOf(BlockType.MAIN));
        assertTrue(request(goal).generate().sessions().get(0).blocks().stream()
                .noneMatch(b -> b.type() == BlockType.ACCESSORY), "no arms unless asked");
    }
}
