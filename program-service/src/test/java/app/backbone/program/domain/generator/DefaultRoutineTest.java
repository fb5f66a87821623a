package app.backbone.program.domain.generator;

import static app.backbone.program.domain.generator.Programs.blockTypes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.backbone.program.domain.Goal;

/** Prints the default full-gym routine of each goal (one session, superset and arms on) and pins its text. */
class DefaultRoutineTest {

    private static GeneratedProgram defaultRoutine(Goal goal) {
        GeneratedProgram program = Programs.request(goal).superset().arms().generate();
        System.out.println(program.toText());
        return program;
    }

    @Test
    void strengthDefaultRoutine() {
        GeneratedProgram program = defaultRoutine(Goal.STRENGTH);
        String text = program.toText();
        assertEquals(List.of(BlockType.MAIN, BlockType.SUPERSET, BlockType.ACCESSORY),
                blockTypes(program.sessions().get(0)));
        assertTrue(text.contains("Conventional Deadlift: 3-5 x 3-6, rest 3 min, stop 2 reps short of failure"), text);
        assertTrue(text.contains("Back Extension Dumbbell Row: 3-4 x 8-12, rest 2 min"), text);
        assertTrue(text.contains("Straight-Arm Pulldown: 3 x 10-12, rest 90 s"), text);
        assertTrue(text.contains("Machine Row: 3 x 12-15, no rest, stop 2 reps short of failure"), text);
        assertTrue(text.contains("Machine Pulldown: 3 x 12-15, rest 90 s, stop 2 reps short of failure"), text);
        assertTrue(program.substitutions().isEmpty());
        assertTrue(!text.contains("Substitutions"));
    }

    @Test
    void hypertrophyDefaultRoutine() {
        GeneratedProgram program = defaultRoutine(Goal.HYPERTROPHY);
        String text = program.toText();
        assertTrue(text.contains("Romanian Deadlift: 4 x 8-10, rest 2 min"), text);
        assertTrue(text.contains("Two-Handle Seated Cable Row: 4 x 10-12"), text);
        assertTrue(text.contains("Single-Arm Lat Pulldown: 4 x 15+ per side"), text);
        assertTrue(text.contains("Machine Row: 3 x 12-15, no rest, to failure"), text);
        assertTrue(text.contains("Machine Pulldown: 3 x 12-15, rest 90 s, to failure"), text);
        assertTrue(program.substitutions().isEmpty());
    }

    @Test
    void backHealthDefaultRoutine() {
        GeneratedProgram program = defaultRoutine(Goal.BACK_HEALTH);
        String text = program.toText();
        assertEquals(List.of(BlockType.WARM_UP, BlockType.MAIN, BlockType.ACCESSORY, BlockType.COOL_DOWN),
                blockTypes(program.sessions().get(0)));
        assertTrue(text.contains("Tennis Ball Shoulder Blade Release: 1 x 60-120 s per side"), text);
        assertTrue(text.contains("Foam Roller Thoracic Extension: 1 x 6-8"), text);
        assertTrue(text.contains("One-Arm Dumbbell Row: 2-3 x 10 per side, rest 90 s"), text);
        assertTrue(text.contains("No Money Drill: 2 x 10-12"), text);
        assertTrue(text.contains("Knee Hug Stretch: 1 x 30 s"), text);
        assertTrue(program.substitutions().isEmpty());
    }
}
