package app.backbone.program.domain.generator;

import static app.backbone.program.domain.generator.Programs.block;
import static app.backbone.program.domain.generator.Programs.blockTypes;
import static app.backbone.program.domain.generator.Programs.ids;
import static app.backbone.program.domain.generator.Programs.request;
import static app.backbone.program.domain.generator.Programs.required;
import static app.backbone.program.domain.generator.Programs.slot;
import static app.backbone.program.domain.generator.Programs.substitution;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.backbone.program.domain.Goal;

/** Back care as the author of article 2 writes it into a client's workout. */
class BackHealthRulesTest {

    private final GeneratedProgram program = request(Goal.BACK_HEALTH).generate();
    private final PlannedSession session = program.sessions().get(0);

    @Test
    void sessionIsWarmUpThenStrengtheningThenCoolDown() {
        assertEquals(List.of(BlockType.WARM_UP, BlockType.MAIN, BlockType.COOL_DOWN), blockTypes(session));
        assertTrue(program.substitutions().isEmpty());
    }

    @Test
    void warmUpStartsWithATennisBallOnTheShoulderBladesOneToTwoMinutesPerSide() {
        Prescription release = block(session, BlockType.WARM_UP).prescriptions().get(0);
        assertEquals("tennis-ball-shoulder-blade-release", release.exerciseId());
        assertEquals(60, release.seconds());
        assertEquals(120, release.secondsMax());
        assertTrue(release.perSide());
        assertNull(release.repsMin());
    }

    @Test
    void warmUpHasExactlyOneMobilityDrillTheFoamRollerExtensionByDefault() {
        List<Prescription> warmUp = block(session, BlockType.WARM_UP).prescriptions();
        assertEquals(2, warmUp.size());
        Prescription mobility = warmUp.get(1);
        assertEquals("foam-roller-thoracic-extension", mobility.exerciseId());
        assertEquals("1 x 6-8", mobility.dose());
    }

    @Test
    void shoulderPainChoosesWallScoopsFourToSixPerArm() {
        GeneratedProgram withPain = request(Goal.BACK_HEALTH).conditions(Condition.SHOULDER_PAIN).sessions(2)
                .generate();
        for (int i = 0; i < 2; i++) {
            Prescription mobility = required(withPain, i, "mobility");
            assertEquals("wall-scoops", mobility.exerciseId());
            assertEquals("1 x 4-6 per side", mobility.dose());
            assertTrue(mobility.rationale().contains("shoulder pain"));
        }
        assertTrue(withPain.substitutions().stream().noneMatch(s -> s.slot().equals("mobility")),
                "a choice by needs, not a replacement");
    }

    @Test
    void secondSessionRotatesTheSpineWithSideLyingArmCirclesThreeToFourPerSide() {
        Prescription mobility = required(request(Goal.BACK_HEALTH).sessions(2).generate(), 1, "mobility");
        assertEquals("side-lying-arm-circles", mobility.exerciseId());
        assertEquals("1 x 3-4 per side", mobility.dose());
    }

    @Test
    void rowsAreTwoToThreeSetsOfTenAtAChallengingWeight() {
        Prescription row = required(program, 0, "row");
        assertEquals(MovementPattern.HORIZONTAL_PULL, LibraryCatalog.entry(row.exerciseId()).pattern());
        assertEquals(2, row.sets());
        assertEquals(3, row.setsMax());
        assertEquals(10, row.repsMin());
        assertEquals(10, row.repsMax());
        assertEquals(2, row.targetRir(), "challenging: the last reps are hard");
        assertFalse(row.toFailure());
    }

    @Test
    void noMoneyDrillIsTwoSetsOfTenToTwelve() {
        List<Prescription> main = block(session, BlockType.MAIN).prescriptions();
        List<String> slots = main.stream().map(Prescription::slot).toList();
        assertTrue(slots.containsAll(List.of("row", "no-money")), "the article's example workout: " + slots);
        Prescription noMoney = required(program, 0, "no-money");
        assertEquals("no-money-drill", noMoney.exerciseId());
        assertEquals("2 x 10-12", noMoney.dose());
    }

    /** Rule changed by DESIGN (drills rotate over the cycle): the drills come round over the weeks, not in B. */
    @Test
    void otherStrengtheningDrillsComeRoundOverTheCycleWithTheirSchemes() {
        GeneratedProgram cycle = request(Goal.BACK_HEALTH).sessions(2).generate();
        Prescription wallSlides = inCycle(cycle, "wall-slides");
        assertEquals("wall-slides", wallSlides.exerciseId());
        assertEquals(8, wallSlides.repsMin());
        assertEquals(8, wallSlides.repsMax());
        assertTrue(wallSlides.rationale().contains("slowly"));
        Prescription pullApart = inCycle(cycle, "pull-apart");
        assertEquals("tubing-pull-apart", pullApart.exerciseId());
        assertEquals(10, pullApart.repsMin());
        assertEquals(12, pullApart.repsMax());
        Prescription pullUp = inCycle(cycle, "pull-up");
        assertEquals(MovementPattern.VERTICAL_PULL, LibraryCatalog.entry(pullUp.exerciseId()).pattern());
        assertTrue(pullUp.rationale().contains("healthy shoulders"));
        assertEquals(required(cycle, 0, "row").exerciseId(), required(cycle, 1, "row").exerciseId(),
                "one row version, done often");
    }

    private static Prescription inCycle(GeneratedProgram program, String slot) {
        return program.cycle().stream()
                .flatMap(week -> week.sessions().stream())
                .flatMap(s -> s.prescriptions().stream())
                .filter(p -> slot.equals(p.slot()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + slot + " in the cycle"));
    }

    @Test
    void notAllDrillsGoIntoOneWorkout() {
        GeneratedProgram week = request(Goal.BACK_HEALTH).sessions(2).generate();
        List<String> a = ids(week.sessions().get(0).prescriptions());
        List<String> b = ids(week.sessions().get(1).prescriptions());
        assertFalse(a.contains("wall-slides") || a.contains("tubing-pull-apart")
                || a.contains("band-assisted-pull-up"));
        assertFalse(b.contains("no-money-drill"));
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        assertEquals(Set.of("tennis-ball-shoulder-blade-release", "one-arm-dumbbell-row"), both);
        assertTrue(program.notes().stream().anyMatch(note -> note.startsWith("Not every drill")));
    }

    @Test
    void facePullsAndPullApartsJoinEverySessionWhenTheMidBackIsTheWeakPoint() {
        GeneratedProgram week = request(Goal.BACK_HEALTH).weakPoint(WeakPoint.MID_BACK).sessions(2).generate();
        for (int i = 0; i < 2; i++) {
            assertEquals("face-pull", required(week, i, "face-pull").exerciseId());
            assertEquals("tubing-pull-apart", required(week, i, "pull-apart").exerciseId());
        }
    }

    @Test
    void pullUpsNeverWithDepressedShoulders() {
        for (WeakPoint weakPoint : new WeakPoint[] {null, WeakPoint.LATS}) {
            GeneratedProgram week = request(Goal.BACK_HEALTH).weakPoint(weakPoint)
                    .conditions(Condition.DEPRESSED_SHOULDERS).sessions(2).generate();
            for (PlannedSession s : week.sessions()) {
                assertTrue(s.prescriptions().stream().noneMatch(p -> p.slot().equals("pull-up")), s.name());
            }
            Substitution dropped = substitution(week, "pull-up").orElseThrow();
            assertNull(dropped.replacementExerciseId());
            assertTrue(dropped.reason().contains("depressed shoulders"), dropped.reason());
        }
        assertTrue(slot(request(Goal.BACK_HEALTH).weakPoint(WeakPoint.LATS).generate(), 0, "pull-up").isPresent(),
                "healthy shoulders do get the lat weak point's pull-ups");
    }

    @Test
    void backExtensionIsNotPrescribedByDefault() {
        for (WeakPoint weakPoint : new WeakPoint[] {null, WeakPoint.LATS, WeakPoint.MID_BACK}) {
            for (int sessions = 1; sessions <= 2; sessions++) {
                GeneratedProgram week = request(Goal.BACK_HEALTH).weakPoint(weakPoint).sessions(sessions).generate();
                assertTrue(week.sessions().stream().flatMap(s -> s.prescriptions().stream())
                        .noneMatch(p -> p.exerciseId().equals("back-extension")));
            }
        }
        assertTrue(program.notes().stream().anyMatch(note -> note.startsWith("Back extensions on a bench")));
    }

    @Test
    void backExtensionNeverWithAnExcessiveLumbarCurve() {
        GeneratedProgram lowerBack = request(Goal.BACK_HEALTH).weakPoint(WeakPoint.LOWER_BACK).generate();
        assertEquals("back-extension", required(lowerBack, 0, "back-extension").exerciseId(),
                "only a lower-back weak point brings it in");
        GeneratedProgram curved = request(Goal.BACK_HEALTH).weakPoint(WeakPoint.LOWER_BACK)
                .conditions(Condition.EXCESSIVE_LUMBAR_CURVE).generate();
        assertEquals("glute-bridge", required(curved, 0, "back-extension").exerciseId());
        Substitution swap = substitution(curved, "back-extension").orElseThrow();
        assertTrue(swap.reason().contains("excessive lumbar curve"), swap.reason());
    }

    @Test
    void coolDownIsTheKneeHugStretchForThirtySeconds() {
        Prescription stretch = block(session, BlockType.COOL_DOWN).prescriptions().get(0);
        assertEquals("knee-hug-stretch", stretch.exerciseId());
        assertEquals(30, stretch.seconds());
        assertNull(stretch.secondsMax());
    }

    @Test
    void childsPoseOnlyWhenTheKneesAreFine() {
        assertEquals("childs-pose", required(request(Goal.BACK_HEALTH).sessions(2).generate(), 1, "cool-down")
                .exerciseId());
        GeneratedProgram kneePain = request(Goal.BACK_HEALTH).sessions(2).conditions(Condition.KNEE_PAIN).generate();
        for (int i = 0; i < 2; i++) {
            assertEquals("knee-hug-stretch", required(kneePain, i, "cool-down").exerciseId());
        }
        assertTrue(substitution(kneePain, "cool-down").orElseThrow().reason().contains("knee pain"));
    }

    @Test
    void notesGiveThePullToPushRatioAndThePainRule() {
        assertTrue(program.notes().stream().anyMatch(note -> note.contains("2:1")));
        assertTrue(program.notes().stream().anyMatch(note -> note.contains("range of motion that causes pain")));
    }

    @Test
    void theMachineSupersetIsNotPartOfBackCare() {
        GeneratedProgram withSuperset = request(Goal.BACK_HEALTH).superset().generate();
        assertTrue(withSuperset.sessions().get(0).blocks().stream().noneMatch(b -> b.type() == BlockType.SUPERSET));
        assertTrue(withSuperset.notes().stream().anyMatch(note -> note.contains("superset")));
    }
}
