package app.backbone.program.domain.generator;

import static app.backbone.program.domain.generator.Programs.allSessions;
import static app.backbone.program.domain.generator.Programs.request;
import static app.backbone.program.domain.generator.Programs.substitution;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.backbone.program.domain.Goal;

/** Back care over a 4-week cycle: every strengthening drill of the article comes round, never all at once. */
class RotationTest {

    /** The article's strengthening drills, by the slot that holds each. */
    private static final Set<String> DRILLS = Set.of("row", "wall-slides", "pull-up", "no-money", "pull-apart",
            "face-pull");

    private static Set<String> drills(PlannedSession session) {
        Set<String> drills = new HashSet<>();
        session.prescriptions().stream().map(Prescription::slot).filter(DRILLS::contains).forEach(drills::add);
        return drills;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void everyDrillComesRoundInFourWeeksNeverAllInOneWorkout(int sessionsPerWeek) {
        GeneratedProgram program = request(Goal.BACK_HEALTH).sessions(sessionsPerWeek).generate();
        assertEquals(4, program.weeks());
        Set<String> seen = new HashSet<>();
        for (PlannedSession session : allSessions(program)) {
            Set<String> drills = drills(session);
            assertTrue(drills.contains("row"), "rows in every session: pick one and do it often");
            assertTrue(drills.size() < DRILLS.size(), "not all in one workout: " + drills);
            assertTrue(drills.size() <= 3, "rows and one or two more: " + drills);
            seen.addAll(drills);
        }
        assertEquals(DRILLS, seen);
        assertTrue(program.substitutions().isEmpty(), program.substitutions().toString());
        assertTrue(allSessions(program).stream().allMatch(session -> Programs.ids(session.prescriptions())
                .contains("one-arm-dumbbell-row")), "one row version, done often");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void everyDrillIsDoneWithinThreeWeeks(int sessionsPerWeek) {
        GeneratedProgram program = request(Goal.BACK_HEALTH).sessions(sessionsPerWeek).weeks(3).generate();
        Set<String> seen = new HashSet<>();
        allSessions(program).forEach(session -> seen.addAll(drills(session)));
        assertEquals(DRILLS, seen);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHOULDER_PAIN", "DEPRESSED_SHOULDERS"})
    void aDrillTheMemberMayNotDoLeavesTheRotationWithoutAHole(String condition) {
        for (int sessionsPerWeek = 1; sessionsPerWeek <= 2; sessionsPerWeek++) {
            GeneratedProgram program = request(Goal.BACK_HEALTH).sessions(sessionsPerWeek)
                    .conditions(Condition.valueOf(condition)).generate();
            Set<String> seen = new HashSet<>();
            for (PlannedSession session : allSessions(program)) {
                Set<String> drills = drills(session);
                assertTrue(drills.size() >= 2, "rows and a rotating drill in every workout: " + drills);
                seen.addAll(drills);
            }
            Set<String> expected = new HashSet<>(DRILLS);
            expected.remove("pull-up");
            assertEquals(expected, seen);
            Substitution pullUp = substitution(program, "pull-up").orElseThrow();
            assertNull(pullUp.replacementExerciseId());
            assertTrue(pullUp.reason().contains("left out of the rotation"), pullUp.reason());
            assertTrue(pullUp.reason().contains(Labels.of(Condition.valueOf(condition))), pullUp.reason());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void weakPointAdditionsStayInEverySessionOutsideTheRotation(int sessionsPerWeek) {
        GeneratedProgram midBack = request(Goal.BACK_HEALTH).weakPoint(WeakPoint.MID_BACK).sessions(sessionsPerWeek)
                .generate();
        Set<String> rotated = new HashSet<>();
        for (PlannedSession session : allSessions(midBack)) {
            Set<String> drills = drills(session);
            assertTrue(drills.containsAll(List.of("row", "face-pull", "pull-apart")), drills.toString());
            assertFalse(drills.equals(DRILLS), "still not all in one workout");
            rotated.addAll(drills);
        }
        assertEquals(DRILLS, rotated, "the other drills still come round");
        GeneratedProgram lats = request(Goal.BACK_HEALTH).weakPoint(WeakPoint.LATS).sessions(sessionsPerWeek)
                .generate();
        allSessions(lats).forEach(session -> assertTrue(drills(session).contains("pull-up"), session.name()));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aDrillWhoseOnlyStandInAlreadyRotatesIsLeftOutNotDoubled(int sessionsPerWeek) {
        GeneratedProgram program = request(Goal.BACK_HEALTH).sessions(sessionsPerWeek)
                .equipment(Programs.BODYWEIGHT_AND_BAND).generate();
        for (PlannedSession session : allSessions(program)) {
            List<String> ids = Programs.ids(session.prescriptions());
            assertEquals(ids.size(), new HashSet<>(ids).size(), "no exercise twice: " + ids);
        }
        Set<String> seen = new HashSet<>();
        allSessions(program).forEach(session -> seen.addAll(drills(session)));
        assertEquals(Set.of("row", "wall-slides", "pull-apart", "face-pull"), seen,
                "band and wall drills; no pull-up bar, no dumbbell for the no-money drill");
        assertTrue(program.substitutions().stream().noneMatch(s -> s.reason().endsWith("this slot is left out.")),
                "rotating drills leave the rotation instead of leaving a hole");
    }
}
