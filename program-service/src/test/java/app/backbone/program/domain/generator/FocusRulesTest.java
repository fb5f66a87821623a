package app.backbone.program.domain.generator;

import static app.backbone.program.domain.generator.Programs.BODYWEIGHT_AND_BAND;
import static app.backbone.program.domain.generator.Programs.allSessions;
import static app.backbone.program.domain.generator.Programs.block;
import static app.backbone.program.domain.generator.Programs.equipment;
import static app.backbone.program.domain.generator.Programs.ids;
import static app.backbone.program.domain.generator.Programs.request;
import static app.backbone.program.domain.generator.Programs.required;
import static app.backbone.program.domain.generator.Programs.slot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import app.backbone.program.domain.Goal;

/** The articles' open choices as request fields: mobility drill, arm work, superset opener; and the tennis ball. */
class FocusRulesTest {

    private static List<String> mobilityDrills(GeneratedProgram program) {
        return allSessions(program).stream()
                .map(session -> session.prescriptions().stream().filter(p -> "mobility".equals(p.slot())).findFirst()
                        .orElseThrow().exerciseId())
                .distinct()
                .toList();
    }

    @Test
    void eachMobilityFocusPicksItsDrillInEverySession() {
        assertEquals(List.of("foam-roller-thoracic-extension"), mobilityDrills(request(Goal.BACK_HEALTH).sessions(2)
                .mobility(MobilityFocus.THORACIC_EXTENSION).generate()), "not the arm circles of session B");
        assertEquals(List.of("side-lying-arm-circles"), mobilityDrills(request(Goal.BACK_HEALTH).sessions(2)
                .mobility(MobilityFocus.ROTATION).generate()));
        GeneratedProgram scoops = request(Goal.BACK_HEALTH).sessions(2)
                .mobility(MobilityFocus.SHOULDER_FRIENDLY_ROTATION).generate();
        assertEquals(List.of("wall-scoops"), mobilityDrills(scoops));
        assertEquals("1 x 4-6 per side", required(scoops, 0, "mobility").dose(), "the article's 4-6 per arm");
        assertTrue(required(scoops, 0, "mobility").rationale().contains("asked for"));
        assertTrue(scoops.notes().stream().noneMatch(note -> note.startsWith("Mobility focus")));
    }

    @Test
    void withoutAFocusTheDrillFollowsTheSessionAsBefore() {
        assertEquals(List.of("foam-roller-thoracic-extension", "side-lying-arm-circles"),
                mobilityDrills(request(Goal.BACK_HEALTH).sessions(2).weeks(1).generate()));
    }

    @Test
    void shoulderPainWinsOverARotationFocusAndTheProgramSaysSo() {
        GeneratedProgram program = request(Goal.BACK_HEALTH).conditions(Condition.SHOULDER_PAIN)
                .mobility(MobilityFocus.ROTATION).generate();
        assertEquals(List.of("wall-scoops"), mobilityDrills(program));
        String note = program.notes().stream().filter(n -> n.startsWith("Mobility focus")).findFirst().orElseThrow();
        assertTrue(note.contains("rotation") && note.contains("Side-Lying Arm Circles")
                && note.contains("Wall Scoops") && note.contains("shoulder pain")
                && note.contains("condition always wins"), note);
    }

    @Test
    void aLowerBackConditionWinsOverTheExtensionFocus() {
        for (Condition condition : List.of(Condition.EXCESSIVE_LUMBAR_CURVE, Condition.LOW_BACK_PAIN)) {
            GeneratedProgram program = request(Goal.BACK_HEALTH).conditions(condition)
                    .mobility(MobilityFocus.THORACIC_EXTENSION).generate();
            assertEquals(List.of("side-lying-arm-circles"), mobilityDrills(program), condition.name());
            String note = program.notes().stream().filter(n -> n.startsWith("Mobility focus")).findFirst()
                    .orElseThrow();
            assertTrue(note.contains("thoracic extension") && note.contains("Foam Roller Thoracic Extension")
                    && note.contains(Labels.of(condition)) && note.contains("Side-Lying Arm Circles"), note);
        }
    }

    @Test
    void aFocusTheConditionDoesNotConcernIsKept() {
        GeneratedProgram program = request(Goal.BACK_HEALTH).conditions(Condition.LOW_BACK_PAIN)
                .mobility(MobilityFocus.SHOULDER_FRIENDLY_ROTATION).generate();
        assertEquals(List.of("wall-scoops"), mobilityDrills(program));
        assertTrue(program.notes().stream().noneMatch(n -> n.startsWith("Mobility focus")));
    }

    @Test
    void missingEquipmentOverrulesTheExtensionFocusAndTheNoteSaysWhy() {
        GeneratedProgram program = request(Goal.BACK_HEALTH).equipment(BODYWEIGHT_AND_BAND)
                .mobility(MobilityFocus.THORACIC_EXTENSION).generate();
        assertEquals(List.of("side-lying-arm-circles"), mobilityDrills(program));
        String note = program.notes().stream().filter(n -> n.startsWith("Mobility focus")).findFirst().orElseThrow();
        assertTrue(note.contains("foam roller"), note);
    }

    @ParameterizedTest
    @EnumSource(Goal.class)
    void armsFocusChoosesBicepsTricepsOrBoth(Goal goal) {
        assertEquals(List.of(MovementPattern.ELBOW_FLEXION), armPatterns(request(goal).arms(ArmsFocus.BICEPS)));
        assertEquals(List.of(MovementPattern.ELBOW_EXTENSION), armPatterns(request(goal).arms(ArmsFocus.TRICEPS)));
        assertEquals(List.of(MovementPattern.ELBOW_FLEXION, MovementPattern.ELBOW_EXTENSION),
                armPatterns(request(goal).arms(ArmsFocus.BOTH)));
        assertEquals(List.of(MovementPattern.ELBOW_FLEXION, MovementPattern.ELBOW_EXTENSION),
                armPatterns(request(goal).arms()), "BOTH by default");
    }

    @Test
    void armsFocusWithoutTheArmsAddOnAddsNoArmWork() {
        ProgramSpec spec = new ProgramSpec(Goal.STRENGTH, null, null, null, 1, false, false, null, ArmsFocus.BICEPS,
                null, 4);
        GeneratedProgram program = Programs.GENERATOR.generate(spec, LibraryCatalog.catalog());
        assertTrue(program.sessions().get(0).blocks().stream().noneMatch(b -> b.type() == BlockType.ACCESSORY));
    }

    @Test
    void aSingleArmsFocusIsNamedInTheNotes() {
        GeneratedProgram biceps = request(Goal.HYPERTROPHY).arms(ArmsFocus.BICEPS).generate();
        assertTrue(biceps.notes().stream().anyMatch(note -> note.contains("biceps only")), biceps.notes().toString());
        assertFalse(biceps.notes().stream().anyMatch(note -> note.contains("biceps and triceps")));
    }

    private static List<MovementPattern> armPatterns(Programs.Request request) {
        PlannedSession session = request.generate().sessions().get(0);
        return block(session, BlockType.ACCESSORY).prescriptions().stream()
                .map(p -> LibraryCatalog.entry(p.exerciseId()).pattern())
                .toList();
    }

    @ParameterizedTest
    @EnumSource(value = Goal.class, names = {"STRENGTH", "HYPERTROPHY"})
    void theSupersetStartsWithTheRowUnlessTheLatsAreTheWeakPoint(Goal goal) {
        assertEquals(List.of("machine-row", "machine-pulldown"), superset(request(goal).superset()));
        assertEquals(List.of("machine-row", "machine-pulldown"),
                superset(request(goal).weakPoint(WeakPoint.MID_BACK).superset()));
        assertEquals(List.of("machine-pulldown", "machine-row"),
                superset(request(goal).weakPoint(WeakPoint.LATS).superset()));
    }

    @ParameterizedTest
    @EnumSource(value = Goal.class, names = {"STRENGTH", "HYPERTROPHY"})
    void anExplicitSupersetStartWinsOverTheDefault(Goal goal) {
        assertEquals(List.of("machine-pulldown", "machine-row"),
                superset(request(goal).supersetStart(SupersetStart.PULLDOWN)));
        assertEquals(List.of("machine-row", "machine-pulldown"),
                superset(request(goal).weakPoint(WeakPoint.LATS).supersetStart(SupersetStart.ROW)));
        Block block = block(request(goal).supersetStart(SupersetStart.PULLDOWN).generate().sessions().get(0),
                BlockType.SUPERSET);
        assertEquals(0, block.prescriptions().get(0).restSeconds(), "back to back");
        assertTrue(block.prescriptions().get(1).restSeconds() > 0, "rest after the pair");
        assertTrue(block.note().contains("either") && block.note().contains("starts with the pulldown"),
                block.note());
    }

    private static List<String> superset(Programs.Request request) {
        return ids(block(request.generate().sessions().get(0), BlockType.SUPERSET));
    }

    @Test
    void aTennisBallIsAPersonalItemTheMemberBringsWhenNoMassageBallIsListed() {
        for (var listed : List.of(BODYWEIGHT_AND_BAND, equipment(), equipment(Equipment.DUMBBELL))) {
            Prescription release = required(request(Goal.BACK_HEALTH).equipment(listed).generate(), 0, "release");
            assertEquals("tennis-ball-shoulder-blade-release", release.exerciseId(), listed.toString());
            assertEquals("1 x 60-120 s per side", release.dose());
            assertTrue(release.rationale().contains("Bring a tennis ball"), release.rationale());
        }
        for (var listed : Arrays.asList(null, equipment(Equipment.MASSAGE_BALL))) {
            Prescription release = required(request(Goal.BACK_HEALTH).equipment(listed).generate(), 0, "release");
            assertFalse(release.rationale().contains("Bring"), "the gym or the list has one: " + listed);
        }
        assertTrue(request(Goal.BACK_HEALTH).equipment(equipment()).build().has(Equipment.MASSAGE_BALL));
    }

    @Test
    void theFoamRollerReleaseStaysAnAlternativeToTheBall() {
        Prescription release = required(request(Goal.BACK_HEALTH).equipment(equipment(Equipment.FOAM_ROLLER))
                .generate(), 0, "release");
        assertEquals("tennis-ball-shoulder-blade-release", release.exerciseId());
        assertEquals(List.of("foam-roller-upper-back-release"),
                release.alternatives().stream().map(Alternative::exerciseId).toList());
        assertTrue(slot(request(Goal.BACK_HEALTH).generate(), 0, "release").isPresent());
    }
}
