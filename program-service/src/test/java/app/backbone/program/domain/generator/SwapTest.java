package app.backbone.program.domain.generator;

import static app.backbone.program.domain.generator.Programs.block;
import static app.backbone.program.domain.generator.Programs.ids;
import static app.backbone.program.domain.generator.Programs.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.backbone.program.domain.Goal;

/** A trainer swaps a prescribed exercise for one of its alternatives. */
class SwapTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final ExerciseCatalog CATALOG = LibraryCatalog.catalog();

    private final ProgramSpec spec = request(Goal.STRENGTH).sessions(2).superset().build();
    private final GeneratedProgram plan = Programs.GENERATOR.generate(spec, CATALOG);

    private GeneratedProgram swap(GeneratedProgram from, String exerciseId, String replacement, Integer session) {
        return Programs.GENERATOR.swap(from, spec, CATALOG, exerciseId, replacement, session, AT);
    }

    private static Prescription find(PlannedSession session, String exerciseId) {
        return session.prescriptions().stream().filter(p -> p.exerciseId().equals(exerciseId)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + exerciseId + " in " + session.name()));
    }

    @Test
    void aSwapReplacesTheExerciseInEveryWeekAtItsOwnDose() {
        GeneratedProgram swapped = swap(plan, "conventional-deadlift", "band-good-morning", null);
        for (PlannedWeek week : swapped.cycle()) {
            PlannedSession a = week.sessions().get(0);
            assertFalse(ids(a.prescriptions()).contains("conventional-deadlift"), "week " + week.week());
            Prescription goodMorning = find(a, "band-good-morning");
            assertEquals("hinge", goodMorning.slot());
            assertEquals(0, a.prescriptions().indexOf(goodMorning), "in the deadlift's place");
            assertEquals(week.deload() ? "2 x 12-15" : "3 x 12-15", goodMorning.dose(), "week " + week.week());
            assertTrue(goodMorning.rationale().contains("Swapped in by the trainer for Conventional Deadlift"),
                    goodMorning.rationale());
            assertTrue(goodMorning.rationale().contains("Its dose is its own"), goodMorning.rationale());
            assertTrue(goodMorning.alternatives().stream().anyMatch(alt -> alt.exerciseId()
                    .equals("conventional-deadlift")), "the swapped-out exercise becomes an alternative");
        }
        assertEquals(swapped.cycle().get(0).sessions(), swapped.sessions());
        assertEquals(List.of(new Swap("conventional-deadlift", "band-good-morning", null, AT)), swapped.swaps());
        assertEquals(plan.substitutions(), swapped.substitutions());
        assertEquals(plan.notes(), swapped.notes());
    }

    @Test
    void theOtherExercisesOfTheSessionNoLongerOfferTheReplacement() {
        GeneratedProgram swapped = swap(plan, "back-extension-dumbbell-row", "seated-cable-row", 1);
        Prescription supersetRow = find(swapped.sessions().get(0), "machine-row");
        assertFalse(supersetRow.alternatives().stream().anyMatch(alt -> alt.exerciseId().equals("seated-cable-row")));
        assertTrue(supersetRow.alternatives().stream()
                .anyMatch(alt -> alt.exerciseId().equals("back-extension-dumbbell-row")));
    }

    @Test
    void aSessionIndexLimitsTheSwapToThatSessionOfEachWeek() {
        GeneratedProgram swapped = swap(plan, "machine-row", "seated-cable-row", 2);
        for (PlannedWeek week : swapped.cycle()) {
            assertTrue(ids(week.sessions().get(0).prescriptions()).contains("machine-row"));
            assertTrue(ids(week.sessions().get(1).prescriptions()).contains("seated-cable-row"));
        }
        assertEquals(2, swapped.swaps().get(0).sessionIndex());
    }

    @Test
    void aSwapInsideTheSupersetKeepsItsBackToBackRest() {
        GeneratedProgram swapped = swap(plan, "machine-row", "band-row", null);
        Block superset = block(swapped.sessions().get(0), BlockType.SUPERSET);
        assertEquals(List.of("band-row", "machine-pulldown"), ids(superset));
        assertEquals(0, superset.prescriptions().get(0).restSeconds());
        assertEquals("3 x 12-15", superset.prescriptions().get(0).dose());
    }

    @Test
    void swapsAccumulateAndCanGoBackToTheTemplatePickAtItsDose() {
        GeneratedProgram once = swap(plan, "conventional-deadlift", "sumo-deadlift", 1);
        GeneratedProgram back = swap(once, "sumo-deadlift", "conventional-deadlift", 1);
        assertEquals(2, back.swaps().size());
        Prescription deadlift = find(back.sessions().get(0), "conventional-deadlift");
        Prescription original = find(plan.sessions().get(0), "conventional-deadlift");
        assertEquals(original.dose(), deadlift.dose());
        assertEquals(original.restSeconds(), deadlift.restSeconds());
    }

    @Test
    void anExerciseNotPrescribedIsRefusedWithThePrescribedIds() {
        InvalidSpec refused = assertThrows(InvalidSpec.class, () -> swap(plan, "pull-up", "chin-up", null));
        assertEquals("exerciseId", refused.field());
        assertTrue(refused.allowed().containsAll(List.of("conventional-deadlift", "romanian-deadlift",
                "machine-row")), refused.allowed().toString());
        InvalidSpec notInB = assertThrows(InvalidSpec.class,
                () -> swap(plan, "conventional-deadlift", "sumo-deadlift", 2));
        assertEquals("exerciseId", notInB.field());
        assertFalse(notInB.allowed().contains("conventional-deadlift"), "session B's hinge is the Romanian one");
    }

    @Test
    void aReplacementThatIsNotAnAlternativeIsRefusedWithTheAlternatives() {
        InvalidSpec refused = assertThrows(InvalidSpec.class,
                () -> swap(plan, "conventional-deadlift", "machine-row", null));
        assertEquals("replacementExerciseId", refused.field());
        assertTrue(refused.allowed().contains("sumo-deadlift"), refused.allowed().toString());
        assertFalse(refused.allowed().contains("machine-row"));
    }

    @Test
    void aContraindicatedReplacementIsNotAnAlternative() {
        ProgramSpec painful = request(Goal.STRENGTH).conditions(Condition.LOW_BACK_PAIN).build();
        GeneratedProgram program = Programs.GENERATOR.generate(painful, CATALOG);
        InvalidSpec refused = assertThrows(InvalidSpec.class, () -> Programs.GENERATOR.swap(program, painful, CATALOG,
                "kettlebell-deadlift", "sumo-deadlift", null, AT));
        assertEquals("replacementExerciseId", refused.field());
    }

    @Test
    void aSessionIndexOutOfRangeIsRefusedWithTheSessions() {
        for (int index : new int[] {0, 3}) {
            InvalidSpec refused = assertThrows(InvalidSpec.class,
                    () -> swap(plan, "machine-row", "band-row", index));
            assertEquals("sessionIndex", refused.field());
            assertEquals(List.of("1", "2"), refused.allowed());
        }
    }
}
