package app.backbone.program.domain.generator;

import static app.backbone.program.domain.generator.Programs.allSessions;
import static app.backbone.program.domain.generator.Programs.request;
import static app.backbone.program.domain.generator.Programs.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.backbone.program.domain.Goal;

/** Every prescription lists what a trainer may swap it for. */
class AlternativesTest {

    private static List<String> alternatives(Prescription p) {
        return p.alternatives().stream().map(Alternative::exerciseId).toList();
    }

    @Test
    void templateAlternativesComeFirstInTheirOrderThenTheCatalogByCloseness() {
        Prescription deadlift = required(request(Goal.STRENGTH).generate(), 0, "hinge");
        assertEquals(List.of("sumo-deadlift", "dumbbell-romanian-deadlift", "kettlebell-deadlift",
                "single-leg-dumbbell-romanian-deadlift", "band-good-morning", "romanian-deadlift"),
                alternatives(deadlift));
    }

    @Test
    void aSubstituteListsTheTemplatePickWhenItIsUsableAndNeverItself() {
        GeneratedProgram program = request(Goal.HYPERTROPHY).superset().equipment(LibraryCatalog.allBut(
                Equipment.MACHINE)).generate();
        Prescription supersetRow = program.sessions().get(0).prescriptions().stream()
                .filter(p -> "superset-row".equals(p.slot())).findFirst().orElseThrow();
        assertFalse(alternatives(supersetRow).contains(supersetRow.exerciseId()));
        assertFalse(alternatives(supersetRow).contains("machine-row"), "needs the machine the member lacks");
        assertFalse(alternatives(supersetRow).contains("two-handle-cable-row"), "already in the session");
    }

    @Test
    void aChoiceWithoutCatalogFallbackOffersOnlyItsOwnAlternatives() {
        Prescription pullUp = required(request(Goal.BACK_HEALTH).weakPoint(WeakPoint.LATS).generate(), 0, "pull-up");
        assertEquals(List.of("negative-pull-up", "scapular-pull-up", "pull-up", "chin-up"), alternatives(pullUp));
    }

    @Test
    void alternativesAreBoundedSamePatternSameMeasureKindUsableAndNotInTheSession() {
        List<ProgramSpec> specs = List.of(
                request(Goal.STRENGTH).sessions(2).superset().arms().build(),
                request(Goal.HYPERTROPHY).weakPoint(WeakPoint.LATS).superset().arms().build(),
                request(Goal.HYPERTROPHY).equipment(Programs.HOME_NO_BARBELL).conditions(Condition.SHOULDER_PAIN)
                        .superset().arms().build(),
                request(Goal.BACK_HEALTH).sessions(2).weakPoint(WeakPoint.MID_BACK).arms().build(),
                request(Goal.BACK_HEALTH).equipment(Programs.BODYWEIGHT_AND_BAND)
                        .conditions(Condition.KNEE_PAIN, Condition.LOW_BACK_PAIN).build());
        int offered = 0;
        for (ProgramSpec spec : specs) {
            GeneratedProgram program = Programs.GENERATOR.generate(spec, LibraryCatalog.catalog());
            for (PlannedSession session : allSessions(program)) {
                Set<String> inSession = new HashSet<>(Programs.ids(session.prescriptions()));
                for (Prescription p : session.prescriptions()) {
                    CatalogEntry prescribed = LibraryCatalog.entry(p.exerciseId());
                    assertTrue(p.alternatives().size() <= ProgramGenerator.MAX_ALTERNATIVES, p.name());
                    assertEquals(p.alternatives().size(), new HashSet<>(p.alternatives()).size(), "no repeats");
                    for (Alternative alternative : p.alternatives()) {
                        CatalogEntry entry = LibraryCatalog.entry(alternative.exerciseId());
                        String what = alternative.exerciseId() + " for " + p.exerciseId() + " in " + spec;
                        assertEquals(entry.name(), alternative.name());
                        assertEquals(prescribed.pattern(), entry.pattern(), what);
                        assertEquals(prescribed.measure().timed(), entry.measure().timed(), what);
                        assertTrue(entry.equipment().stream().allMatch(spec::has), what);
                        assertTrue(Collections.disjoint(entry.contraindications(), spec.conditions()), what);
                        assertFalse(inSession.contains(entry.id()), what);
                        offered++;
                    }
                }
            }
        }
        assertTrue(offered > 100, "the property was exercised: " + offered);
    }
}
