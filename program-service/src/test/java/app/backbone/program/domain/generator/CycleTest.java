package app.backbone.program.domain.generator;

import static app.backbone.program.domain.generator.Programs.block;
import static app.backbone.program.domain.generator.Programs.ids;
import static app.backbone.program.domain.generator.Programs.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.backbone.program.domain.Goal;

/** A program is a cycle of weeks; with 4 or more, the last is a deload week. */
class CycleTest {

    @Test
    void theDefaultCycleIsFourWeeksEndingInADeload() {
        GeneratedProgram program = request(Goal.STRENGTH).sessions(2).generate();
        assertEquals(ProgramSpec.DEFAULT_WEEKS, program.weeks());
        assertEquals(List.of(1, 2, 3, 4), program.cycle().stream().map(PlannedWeek::week).toList());
        assertEquals(List.of(false, false, false, true), program.cycle().stream().map(PlannedWeek::deload).toList());
        assertEquals(program.cycle().get(0).sessions(), program.sessions(), "sessions are week 1");
        assertTrue(program.notes().stream().anyMatch(note -> note.startsWith("Week 4 is a deload week")));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aCycleShorterThanFourWeeksHasNoDeload(int weeks) {
        GeneratedProgram program = request(Goal.HYPERTROPHY).weeks(weeks).generate();
        assertEquals(weeks, program.cycle().size());
        assertTrue(program.cycle().stream().noneMatch(PlannedWeek::deload));
        assertTrue(program.notes().stream().noneMatch(note -> note.contains("deload")));
    }

    @Test
    void sixteenWeeksDeloadOnlyInTheLast() {
        GeneratedProgram program = request(Goal.BACK_HEALTH).weeks(16).generate();
        assertEquals(16, program.weeks());
        assertEquals(1, program.cycle().stream().filter(PlannedWeek::deload).count());
        assertTrue(program.cycle().get(15).deload());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 17, 52})
    void weeksOutsideOneToSixteenAreRefused(int weeks) {
        InvalidSpec refused = assertThrows(InvalidSpec.class, () -> request(Goal.STRENGTH).weeks(weeks).generate());
        assertEquals("weeks", refused.field());
        assertEquals(List.of(), refused.allowed());
        assertTrue(refused.getMessage().contains(String.valueOf(weeks)), refused.getMessage());
    }

    @Test
    void theDeloadWeekKeepsTheExercisesHalvesTheSetsAndAddsTwoRepsInReserve() {
        GeneratedProgram program = request(Goal.STRENGTH).weakPoint(WeakPoint.MID_BACK).superset().arms().generate();
        PlannedSession normal = program.cycle().get(2).sessions().get(0);
        PlannedSession deload = program.cycle().get(3).sessions().get(0);
        assertEquals(ids(normal.prescriptions()), ids(deload.prescriptions()), "the same exercises");
        for (int i = 0; i < normal.prescriptions().size(); i++) {
            Prescription before = normal.prescriptions().get(i);
            Prescription after = deload.prescriptions().get(i);
            assertEquals((before.sets() + 1) / 2, after.sets(), before.name());
            assertEquals(before.setsMax() == null ? null : (before.setsMax() + 1) / 2, after.setsMax(), before.name());
            assertEquals(before.targetRir() + 2, after.targetRir(), before.name());
            assertFalse(after.toFailure());
            assertEquals(before.repsMin(), after.repsMin());
            assertEquals(before.restSeconds(), after.restSeconds());
            assertTrue(after.rationale().startsWith("Deload week"), after.rationale());
        }
        Prescription deadlift = deload.prescriptions().get(0);
        assertEquals("2-3 x 3-6", deadlift.dose(), "3-5 sets halved, rounded up");
        Prescription row = deload.prescriptions().get(1);
        assertEquals("2-3 x 8-12", row.dose(), "4-5 sets (mid-back weak point) halved, rounded up");
    }

    @Test
    void setsToFailureAreNotToFailureInTheDeloadWeek() {
        GeneratedProgram program = request(Goal.HYPERTROPHY).superset().generate();
        Block week1 = block(program.sessions().get(0), BlockType.SUPERSET);
        Block deload = block(program.cycle().get(3).sessions().get(0), BlockType.SUPERSET);
        assertTrue(week1.prescriptions().stream().allMatch(Prescription::toFailure));
        for (Prescription p : deload.prescriptions()) {
            assertFalse(p.toFailure(), p.name());
            assertEquals(2, p.targetRir(), p.name());
            assertEquals(2, p.sets(), "3 sets halved, rounded up");
        }
        assertTrue(program.cycle().get(3).sessions().stream().flatMap(s -> s.prescriptions().stream())
                .noneMatch(Prescription::toFailure), "nothing to failure in a deload week");
    }

    @Test
    void deloadMathsRoundsUpCapsTheReserveAndLeavesUntargetedWorkAlone() {
        Prescription odd = new Prescription("x", "X", 5, 8, 10, null, false, 90, false, 9, "Why.", 7, null, "s",
                List.of());
        Prescription deloaded = odd.deloaded(Rules.DELOAD);
        assertEquals(3, deloaded.sets());
        assertEquals(4, deloaded.setsMax());
        assertEquals(10, deloaded.targetRir(), "capped at 10");
        Prescription single = new Prescription("y", "Y", 1, null, null, 30, false, 0, false, null, "Hold.", null,
                null, "s", List.of());
        assertEquals(1, single.deloaded(Rules.DELOAD).sets());
        assertNull(single.deloaded(Rules.DELOAD).targetRir(), "a stretch gets no effort target");
        Prescription failure = new Prescription("z", "Z", 4, 12, 15, null, false, 90, true, null, "All out.");
        assertEquals(2, failure.deloaded(Rules.DELOAD).sets());
        assertEquals(2, failure.deloaded(Rules.DELOAD).targetRir());
        assertFalse(failure.deloaded(Rules.DELOAD).toFailure());
    }
}
