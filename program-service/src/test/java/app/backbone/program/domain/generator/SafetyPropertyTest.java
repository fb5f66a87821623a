package app.backbone.program.domain.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

/**
 * Over every goal, weak point, several equipment sets and each condition: nothing prescribed needs equipment the
 * member lacks or is contraindicated for them, and every change is explained.
 */
class SafetyPropertyTest {

    private static final ExerciseCatalog CATALOG = LibraryCatalog.catalog();

    static Stream<Arguments> requests() {
        List<Set<Equipment>> equipmentSets = Arrays.asList(null, Programs.HOME_NO_BARBELL, Programs.NO_CABLE,
                Programs.BODYWEIGHT_AND_BAND, Set.of(), Programs.equipment(Equipment.DUMBBELL),
                Programs.equipment(Equipment.KETTLEBELL, Equipment.PULL_UP_BAR, Equipment.SUSPENSION_TRAINER));
        List<Set<Condition>> conditionSets = new ArrayList<>();
        conditionSets.add(Set.of());
        Arrays.stream(Condition.values()).forEach(c -> conditionSets.add(Set.of(c)));
        conditionSets.add(EnumSet.allOf(Condition.class));
        List<WeakPoint> weakPoints = new ArrayList<>(Arrays.asList(WeakPoint.values()));
        weakPoints.add(null);
        List<Arguments> all = new ArrayList<>();
        for (Goal goal : Goal.values()) {
            for (WeakPoint weakPoint : weakPoints) {
                for (Set<Equipment> equipment : equipmentSets) {
                    for (Set<Condition> conditions : conditionSets) {
                        for (int sessions = 1; sessions <= 2; sessions++) {
                            boolean extras = sessions == 2;
                            all.add(Arguments.of(new ProgramSpec(goal, weakPoint, equipment, conditions, sessions,
                                    extras, extras)));
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("requests")
    void neverPrescribesAnExerciseTheMemberCannotDoAndExplainsEveryChange(ProgramSpec request) {
        GeneratedProgram program = Programs.GENERATOR.generate(request, CATALOG);
        assertEquals(request.sessionsPerWeek(), program.sessions().size());
        for (PlannedSession session : program.sessions()) {
            Set<String> seen = new HashSet<>();
            for (Prescription p : session.prescriptions()) {
                CatalogEntry entry = CATALOG.find(p.exerciseId()).orElseThrow();
                assertEquals(entry.name(), p.name());
                for (Equipment item : entry.equipment()) {
                    assertTrue(request.has(item), p.name() + " needs " + item + " for " + request);
                }
                assertTrue(Collections.disjoint(entry.contraindications(), request.conditions()),
                        p.name() + " is contraindicated for " + request.conditions());
                assertTrue(seen.add(p.exerciseId()), p.name() + " twice in " + session.name());
                assertEquals(entry.measure().timed(), p.timed(), p.name());
                assertEquals(entry.measure().perSide(), p.perSide(), p.name());
                assertNotNull(p.rationale());
                if (request.goal() == Goal.STRENGTH) {
                    assertFalse(p.toFailure(), "strength work never to failure: " + p.name());
                }
            }
            session.blocks().stream().filter(b -> b.type() == BlockType.SUPERSET).forEach(superset -> {
                assertTrue(superset.prescriptions().size() >= 2, "a superset pairs exercises");
                if (request.goal() == Goal.HYPERTROPHY) {
                    superset.prescriptions().forEach(p -> assertTrue(p.toFailure(), p.name()));
                }
            });
            List<String> slots = session.prescriptions().stream().map(Prescription::slot).toList();
            if (request.goal() != Goal.BACK_HEALTH && slots.contains("hinge")) {
                assertEquals("hinge", slots.get(0), "the hinge opens " + session.name());
            }
            boolean lowerBackFocus = request.goal() == Goal.BACK_HEALTH && request.weakPoint() == WeakPoint.LOWER_BACK;
            if (!lowerBackFocus) {
                assertFalse(Programs.ids(session.prescriptions()).contains("back-extension"),
                        "back extensions only in a back-health program for a weak lower back: " + session.name());
            }
            if (request.conditions().contains(Condition.DEPRESSED_SHOULDERS)) {
                assertTrue(session.prescriptions().stream().noneMatch(p -> CATALOG.find(p.exerciseId()).orElseThrow()
                        .equipment().contains(Equipment.PULL_UP_BAR)));
            }
        }
        for (Substitution substitution : program.substitutions()) {
            assertTrue(substitution.reason().length() > 20, substitution.toString());
            CatalogEntry original = CATALOG.find(substitution.originalExerciseId()).orElseThrow();
            List<String> missing = original.equipment().stream().filter(item -> !request.has(item))
                    .map(Labels::of).toList();
            List<String> ruledOut = original.contraindications().stream().filter(request.conditions()::contains)
                    .map(Labels::of).toList();
            Stream.concat(missing.stream(), ruledOut.stream()).forEach(cause -> assertTrue(
                    substitution.reason().contains(cause), "does not name " + cause + ": " + substitution));
            if (missing.isEmpty() && ruledOut.isEmpty()) {
                assertTrue(substitution.reason().contains("already in this session")
                        || substitution.reason().contains("already in the program"), substitution.toString());
            }
        }
    }
}
