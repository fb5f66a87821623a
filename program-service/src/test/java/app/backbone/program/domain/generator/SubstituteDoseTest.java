package app.backbone.program.domain.generator;

import static app.backbone.program.domain.generator.Programs.BODYWEIGHT_AND_BAND;
import static app.backbone.program.domain.generator.Programs.block;
import static app.backbone.program.domain.generator.Programs.equipment;
import static app.backbone.program.domain.generator.Programs.request;
import static app.backbone.program.domain.generator.Programs.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.backbone.program.domain.Goal;

/** A substitute gets a dose suited to itself, from the template's substitute-dose table. */
class SubstituteDoseTest {

    @Test
    void aBandGoodMorningInTheStrengthHingeSlotIsNotDosedLikeADeadlift() {
        Prescription hinge = required(request(Goal.STRENGTH).equipment(BODYWEIGHT_AND_BAND).generate(), 0, "hinge");
        assertEquals("band-good-morning", hinge.exerciseId());
        assertNotEquals("3-5 x 3-6", hinge.dose());
        assertNotEquals(180, hinge.restSeconds());
        assertEquals("3 x 12-15", hinge.dose());
        assertEquals(60, hinge.restSeconds());
        assertEquals(2, hinge.targetRir(), "strength: still short of failure");
        assertTrue(hinge.rationale().startsWith("Stands in for Conventional Deadlift. Conventional Deadlift needs a"
                + " barbell"), hinge.rationale());
        assertTrue(hinge.rationale().contains("Its dose is its own"), hinge.rationale());
    }

    @Test
    void aLoadedTwoLeggedHingeKeepsTheArticlesStrengthSchemeAndSessionBItsLighterOne() {
        GeneratedProgram program = request(Goal.STRENGTH).sessions(2).equipment(Programs.HOME_NO_BARBELL)
                .generate();
        assertEquals("3-5 x 3-6", required(program, 0, "hinge").dose());
        Prescription sessionB = required(program, 1, "hinge");
        assertEquals("dumbbell-romanian-deadlift", sessionB.exerciseId());
        assertEquals("3 x 6-8", sessionB.dose());
        assertEquals(150, sessionB.restSeconds());
    }

    @Test
    void aWeakPointsExtraSetCarriesOverToTheSubstitute() {
        GeneratedProgram program = request(Goal.STRENGTH).weakPoint(WeakPoint.MID_BACK)
                .conditions(Condition.EXCESSIVE_LUMBAR_CURVE).generate();
        Prescription row = required(program, 0, "row");
        assertEquals("chest-supported-dumbbell-row", row.exerciseId());
        assertEquals("4-5 x 8-12", row.dose(), "the article's 3-4 x 8-12 plus the weak point's set");
        Prescription plain = required(request(Goal.STRENGTH).conditions(Condition.EXCESSIVE_LUMBAR_CURVE).generate(),
                0, "row");
        assertEquals("3-4 x 8-12", plain.dose());
    }

    @Test
    void aHypertrophySupersetSubstituteStillGoesToFailure() {
        GeneratedProgram program = request(Goal.HYPERTROPHY).superset()
                .equipment(LibraryCatalog.allBut(Equipment.MACHINE)).generate();
        Block superset = block(program.sessions().get(0), BlockType.SUPERSET);
        assertEquals(List.of("seated-cable-row", "lat-pulldown"), Programs.ids(superset));
        for (Prescription p : superset.prescriptions()) {
            assertTrue(p.toFailure(), p.name());
            assertEquals("3 x 12-15", p.dose(), p.name());
            assertTrue(p.rationale().contains("Its dose is its own"), p.rationale());
        }
    }

    @Test
    void pullUpsStandingInForAPulldownGetABodyweightDose() {
        GeneratedProgram program = request(Goal.HYPERTROPHY).weakPoint(WeakPoint.LATS)
                .equipment(equipment(Equipment.PULL_UP_BAR)).generate();
        Prescription pullDown = required(program, 0, "pull-down");
        assertEquals(MovementPattern.VERTICAL_PULL, LibraryCatalog.entry(pullDown.exerciseId()).pattern());
        assertEquals("3 x 6-10", pullDown.dose());
    }

    @Test
    void aBackHealthRowOfAnyKindGetsTheArticlesRowDose() {
        Prescription row = required(request(Goal.BACK_HEALTH).equipment(BODYWEIGHT_AND_BAND).generate(), 0, "row");
        assertEquals("band-row", row.exerciseId());
        assertEquals("2-3 x 10", row.dose());
        assertTrue(row.rationale().contains("every row version"), row.rationale());
    }
}
