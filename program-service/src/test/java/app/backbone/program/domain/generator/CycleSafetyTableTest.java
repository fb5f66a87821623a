package app.backbone.program.domain.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import app.backbone.program.domain.Goal;
import app.backbone.program.domain.generator.ProgramTemplate.Slot;

/**
 * For each goal, weak point (or none), condition (none, each alone, two combinations) and equipment profile (full
 * gym, home with dumbbells and bands, bodyweight only), once and twice a week, over every week of the cycle: nothing
 * contraindicated or needing missing equipment is prescribed or offered, and every slot is filled or its drop
 * explained.
 */
class CycleSafetyTableTest {

    private static final ExerciseCatalog CATALOG = LibraryCatalog.catalog();
    private static final TemplateLibrary TEMPLATES = TemplateLibrary.loadDefault();

    static Stream<Arguments> table() {
        List<Set<Equipment>> profiles = Arrays.asList(null, EnumSet.of(Equipment.DUMBBELL, Equipment.RESISTANCE_BAND),
                Set.of());
        List<Set<Condition>> conditionSets = new ArrayList<>();
        conditionSets.add(Set.of());
        Arrays.stream(Condition.values()).forEach(condition -> conditionSets.add(Set.of(condition)));
        conditionSets.add(Set.of(Condition.SHOULDER_PAIN, Condition.LOW_BACK_PAIN));
        conditionSets.add(Set.of(Condition.DEPRESSED_SHOULDERS, Condition.EXCESSIVE_LUMBAR_CURVE,
                Condition.KNEE_PAIN));
        List<WeakPoint> weakPoints = new ArrayList<>(Arrays.asList(WeakPoint.values()));
        weakPoints.add(null);
        List<Arguments> rows = new ArrayList<>();
        for (Goal goal : Goal.values()) {
            for (WeakPoint weakPoint : weakPoints) {
                for (Set<Condition> conditions : conditionSets) {
                    for (Set<Equipment> equipment : profiles) {
                        for (int sessions = 1; sessions <= 2; sessions++) {
                            rows.add(Arguments.of(new ProgramSpec(goal, weakPoint, equipment, conditions, sessions,
                                    true, true, null, null, null, ProgramSpec.DEFAULT_WEEKS)));
                        }
                    }
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest
    @MethodSource("table")
    void everyWeekIsSafeAndEveryDropExplained(ProgramSpec spec) {
        GeneratedProgram program = Programs.GENERATOR.generate(spec, CATALOG);
        assertEquals(ProgramSpec.DEFAULT_WEEKS, program.cycle().size());
        for (PlannedWeek week : program.cycle()) {
            assertEquals(spec.sessionsPerWeek(), week.sessions().size());
            for (PlannedSession session : week.sessions()) {
                Set<String> seen = new HashSet<>();
                for (Prescription p : session.prescriptions()) {
                    String where = p.name() + " in week " + week.week() + ", " + session.name() + " for " + spec;
                    assertDoable(spec, p.exerciseId(), where);
                    p.alternatives().forEach(alt -> assertDoable(spec, alt.exerciseId(), "alternative " + where));
                    assertTrue(seen.add(p.exerciseId()), "twice: " + where);
                    CatalogEntry entry = CATALOG.find(p.exerciseId()).orElseThrow();
                    assertEquals(entry.measure().timed(), p.timed(), where);
                    assertEquals(entry.measure().perSide(), p.perSide(), where);
                    if (spec.goal() == Goal.STRENGTH || week.deload()) {
                        assertFalse(p.toFailure(), "to failure: " + where);
                    }
                }
            }
        }
        assertEverySlotFilledOrExplained(spec, program);
    }

    private static void assertDoable(ProgramSpec spec, String exerciseId, String where) {
        CatalogEntry entry = CATALOG.find(exerciseId).orElseThrow(() -> new AssertionError("unknown: " + where));
        assertTrue(entry.equipment().stream().allMatch(spec::has), "missing equipment: " + where);
        assertTrue(Collections.disjoint(entry.contraindications(), spec.conditions()), "contraindicated: " + where);
    }

    private static void assertEverySlotFilledOrExplained(ProgramSpec spec, GeneratedProgram program) {
        ProgramTemplate template = TEMPLATES.forGoal(spec.goal()).orElseThrow();
        Set<String> explained = new HashSet<>();
        program.substitutions().forEach(substitution -> explained.add(substitution.slot()));
        Set<String> filledInCycle = new HashSet<>();
        for (PlannedWeek week : program.cycle()) {
            for (int s = 1; s <= week.sessions().size(); s++) {
                Set<String> filled = new HashSet<>();
                week.sessions().get(s - 1).prescriptions().forEach(p -> filled.add(p.slot()));
                filledInCycle.addAll(filled);
                for (Slot slot : template.slots()) {
                    if (applies(spec, slot, s) && (!template.rotates(slot.slot())
                            || template.rotation().keeps(slot.slot(), spec))) {
                        assertTrue(filled.contains(slot.slot()) || explained.contains(slot.slot()),
                                slot.slot() + " neither filled nor explained in week " + week.week() + ", session "
                                        + s + " for " + spec);
                    }
                }
            }
        }
        template.slots().stream()
                .filter(slot -> template.rotates(slot.slot()) && applies(spec, slot, 0))
                .forEach(slot -> assertTrue(filledInCycle.contains(slot.slot()) || explained.contains(slot.slot()),
                        "rotating " + slot.slot() + " never comes round nor is explained for " + spec));
    }

    private static boolean applies(ProgramSpec spec, Slot slot, int session) {
        return slot.choices(spec.goal()).stream().anyMatch(choice -> choice.when().matches(spec, session));
    }
}
