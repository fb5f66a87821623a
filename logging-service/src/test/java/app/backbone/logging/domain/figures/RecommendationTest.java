package app.backbone.logging.domain.figures;

import static app.backbone.logging.domain.figures.Fixtures.exercise;
import static app.backbone.logging.domain.figures.Fixtures.facts;
import static app.backbone.logging.domain.figures.Fixtures.kg;
import static app.backbone.logging.domain.figures.Fixtures.session;
import static app.backbone.logging.domain.figures.Fixtures.set;
import static app.backbone.logging.domain.figures.Fixtures.timed;
import static app.backbone.logging.domain.figures.Fixtures.warmup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.backbone.logging.domain.figures.Recommendation.Action;

class RecommendationTest {

    static final Prescribed RANGE_8_10 = new Prescribed(4, 8, 10);
    static final Prescribed RANGE_15_PLUS = new Prescribed(4, 15, null);
    static final ExerciseFacts RDL = facts("romanian-deadlift", "HIP_HINGE", List.of("HAMSTRINGS"), List.of());
    static final ExerciseFacts ROW = facts("cable-row", "HORIZONTAL_PULL", List.of("LATS"), List.of());

    static ExerciseHistory history(String exerciseId, LoggedSession... sessions) {
        return ExerciseHistory.rebuild(exerciseId, List.of(sessions));
    }

    static LoggedSession day(String id, String date, String exerciseId, Prescribed range, LoggedSet... sets) {
        return session(id, date + "T18:00:00Z", exercise(exerciseId, range, sets));
    }

    @Test
    void increaseByFiveKgForHipHinge() {
        Recommendation next = history("romanian-deadlift", day("s1", "2026-11-16", "romanian-deadlift", RANGE_8_10,
                warmup(8, "40"), set(10, "80", 2), set(10, "80", 1), set(11, "80", 1), set(10, "80", 0)))
                .recommendation(RDL);
        assertEquals(Action.INCREASE, next.action());
        assertEquals(kg("85.00"), next.nextLoadKg());
        assertTrue(next.reason().contains("5 kg"), next.reason());
    }

    @Test
    void increaseByTwoAndAHalfKgForOtherPatterns() {
        Recommendation next = history("cable-row", day("s1", "2026-11-16", "cable-row", RANGE_8_10,
                set(10, "55", 2), set(10, "55", 1))).recommendation(ROW);
        assertEquals(Action.INCREASE, next.action());
        assertEquals(kg("57.50"), next.nextLoadKg());
    }

    @Test
    void increaseWithUnknownFactsTakesTheSmallerStep() {
        Recommendation next = history("romanian-deadlift", day("s1", "2026-11-16", "romanian-deadlift",
                RANGE_8_10, set(10, "80", 2))).recommendation(null);
        assertEquals(kg("82.50"), next.nextLoadKg());
    }

    @Test
    void increaseIsJudgedOnTheLatestSessionOnly() {
        Recommendation next = history("cable-row",
                day("s1", "2026-11-16", "cable-row", RANGE_8_10, set(10, "55", 2), set(10, "55", 1)),
                day("s2", "2026-11-19", "cable-row", RANGE_8_10, set(10, "57.5", 2), set(9, "57.5", 1)))
                .recommendation(ROW);
        assertEquals(Action.HOLD, next.action());
        assertEquals(kg("57.50"), next.nextLoadKg());
    }

    @Test
    void deloadTakesTenPercentRoundedToHalfKg() {
        // 62.5 * 0.9 = 56.25 -> 56.5 (halves round up)
        Recommendation next = history("cable-row",
                day("s1", "2026-11-16", "cable-row", RANGE_8_10, set(8, "62.5", 0), set(7, "62.5", 0)),
                day("s2", "2026-11-19", "cable-row", RANGE_8_10, set(8, "62.5", 0), set(6, "62.5", 0)))
                .recommendation(ROW);
        assertEquals(Action.DELOAD, next.action());
        assertEquals(kg("56.50"), next.nextLoadKg());
    }

    @Test
    void deloadRoundingToNearestHalfKg() {
        // 0.9 * load: 80 -> 72; 61 -> 54.9 -> 55; 57.5 -> 51.75 -> 52; 52.5 -> 47.25 -> 47.5; 55 -> 49.5
        assertEquals(kg("72.00"), ExerciseHistory.deload(kg("80")));
        assertEquals(kg("55.00"), ExerciseHistory.deload(kg("61")));
        assertEquals(kg("52.00"), ExerciseHistory.deload(kg("57.5")));
        assertEquals(kg("47.50"), ExerciseHistory.deload(kg("52.5")));
        assertEquals(kg("49.50"), ExerciseHistory.deload(kg("55")));
    }

    @Test
    void deloadWhenTheLaterLoadIsHigher() {
        Recommendation next = history("cable-row",
                day("s1", "2026-11-16", "cable-row", RANGE_8_10, set(7, "60", 0)),
                day("s2", "2026-11-19", "cable-row", RANGE_8_10, set(7, "62.5", 0)))
                .recommendation(ROW);
        assertEquals(Action.DELOAD, next.action());
    }

    @Test
    void holdWhenBelowRangeTwiceButTheLoadAlreadyCameDown() {
        Recommendation next = history("cable-row",
                day("s1", "2026-11-16", "cable-row", RANGE_8_10, set(7, "62.5", 0)),
                day("s2", "2026-11-19", "cable-row", RANGE_8_10, set(7, "60", 0)))
                .recommendation(ROW);
        assertEquals(Action.HOLD, next.action());
        assertEquals(kg("60.00"), next.nextLoadKg());
    }

    @Test
    void holdWhenBelowRangeInTheLatestSessionOnly() {
        Recommendation next = history("cable-row",
                day("s1", "2026-11-16", "cable-row", RANGE_8_10, set(9, "60", 1)),
                day("s2", "2026-11-19", "cable-row", RANGE_8_10, set(7, "60", 0)))
                .recommendation(ROW);
        assertEquals(Action.HOLD, next.action());
        assertEquals(kg("60.00"), next.nextLoadKg());
    }

    @Test
    void holdWithinTheRange() {
        Recommendation next = history("cable-row", day("s1", "2026-11-16", "cable-row", RANGE_8_10,
                set(10, "60", 1), set(9, "60", 1))).recommendation(ROW);
        assertEquals(Action.HOLD, next.action());
        assertEquals(kg("60.00"), next.nextLoadKg());
        assertTrue(next.reason().contains("9 reps"), next.reason());
    }

    @Test
    void openEndedRangeNeverIncreases() {
        Recommendation next = history("pulldown", day("s1", "2026-11-16", "pulldown", RANGE_15_PLUS,
                set(25, "25", 3), set(22, "25", 3))).recommendation(ROW);
        assertEquals(Action.HOLD, next.action());
        assertEquals(kg("25.00"), next.nextLoadKg());
        assertTrue(next.reason().contains("open-ended"), next.reason());
    }

    @Test
    void openEndedRangeCanStillDeload() {
        Recommendation next = history("pulldown",
                day("s1", "2026-11-16", "pulldown", RANGE_15_PLUS, set(12, "30", 0)),
                day("s2", "2026-11-19", "pulldown", RANGE_15_PLUS, set(13, "30", 0)))
                .recommendation(ROW);
        assertEquals(Action.DELOAD, next.action());
        assertEquals(kg("27.00"), next.nextLoadKg());
    }

    @Test
    void holdWithoutPrescription() {
        Recommendation next = history("cable-row", day("s1", "2026-11-16", "cable-row", null,
                set(12, "60", 0))).recommendation(ROW);
        assertEquals(Action.HOLD, next.action());
        assertEquals(kg("60.00"), next.nextLoadKg());
        assertTrue(next.reason().contains("no prescribed rep range"), next.reason());
    }

    @Test
    void holdWithoutAnySession() {
        Recommendation next = ExerciseHistory.empty("cable-row").recommendation(ROW);
        assertEquals(Action.HOLD, next.action());
        assertNull(next.nextLoadKg());
    }

    @Test
    void unloadedExerciseHasNoNextLoad() {
        Recommendation next = history("pull-up", day("s1", "2026-11-16", "pull-up", RANGE_8_10,
                set(10, null, 1), set(10, null, 0))).recommendation(ROW);
        assertEquals(Action.INCREASE, next.action());
        assertNull(next.nextLoadKg());
        assertTrue(next.reason().contains("harder variation"), next.reason());
    }

    @Test
    void timedWorkHolds() {
        Recommendation next = history("plank", day("s1", "2026-11-16", "plank", new Prescribed(3, null, null),
                timed(45), timed(45))).recommendation(null);
        assertEquals(Action.HOLD, next.action());
        assertNull(next.nextLoadKg());
        assertTrue(next.reason().contains("timed"), next.reason());
    }

    @Test
    void warmUpsDoNotDecideTheRecommendation() {
        // the 6-rep warm-up at 40 kg is neither below the range nor the top load
        Recommendation next = history("cable-row", day("s1", "2026-11-16", "cable-row", RANGE_8_10,
                warmup(6, "40"), set(10, "60", 1))).recommendation(ROW);
        assertEquals(Action.INCREASE, next.action());
        assertEquals(kg("62.50"), next.nextLoadKg());
    }
}
