package app.backbone.logging.domain.figures;

import static app.backbone.logging.domain.figures.Fixtures.exercise;
import static app.backbone.logging.domain.figures.Fixtures.kg;
import static app.backbone.logging.domain.figures.Fixtures.session;
import static app.backbone.logging.domain.figures.Fixtures.set;
import static app.backbone.logging.domain.figures.Fixtures.strength;
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
    static final ExerciseFacts RDL = strength("romanian-deadlift", "HIP_HINGE", List.of("HAMSTRINGS"), List.of());
    static final ExerciseFacts ROW = strength("cable-row", "HORIZONTAL_PULL", List.of("LATS"), List.of());

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
        assertEquals("INCREASE: all 4 working sets reached 10 reps at 80 kg last time; next 85 kg (+5 kg, hip hinge)",
                next.reason());
    }

    @Test
    void increaseByTwoAndAHalfKgForOtherPatterns() {
        Recommendation next = history("cable-row", day("s1", "2026-11-16", "cable-row", RANGE_8_10,
                set(10, "55", 2), set(10, "55", 1), set(10, "55", 1), set(10, "55", 0))).recommendation(ROW);
        assertEquals(Action.INCREASE, next.action());
        assertEquals(kg("57.50"), next.nextLoadKg());
        assertEquals("INCREASE: all 4 working sets reached 10 reps at 55 kg last time; next 57.5 kg (+2.5 kg)",
                next.reason());
    }

    @Test
    void increaseWithUnknownFactsTakesTheSmallerStep() {
        Recommendation next = history("romanian-deadlift", day("s1", "2026-11-16", "romanian-deadlift",
                RANGE_8_10, set(10, "80", 2), set(10, "80", 2), set(10, "80", 1), set(10, "80", 1)))
                .recommendation(null);
        assertEquals(kg("82.50"), next.nextLoadKg());
    }

    @Test
    void increaseIsJudgedOnTheLatestSessionOnly() {
        Recommendation next = history("cable-row",
                day("s1", "2026-11-16", "cable-row", RANGE_8_10,
                        set(10, "55", 2), set(10, "55", 1), set(10, "55", 1), set(10, "55", 1)),
                day("s2", "2026-11-19", "cable-row", RANGE_8_10,
                        set(10, "57.5", 2), set(10, "57.5", 1), set(10, "57.5", 1), set(9, "57.5", 1)))
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
        assertEquals("DELOAD: a working set fell below the range in each of the last two sessions at the same or a"
                + " higher load (7 < 8 reps at 62.5 kg, then 6 < 8 reps at 62.5 kg); next 56.5 kg (90% of 62.5 kg,"
                + " to the nearest 0.5 kg)", next.reason());
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
    void fewerSetsThanPrescribedHoldEvenWhenEveryOneReachedRepsMax() {
        Recommendation next = history("cable-row", day("s1", "2026-11-16", "cable-row", RANGE_8_10,
                set(10, "60", 1), set(10, "60", 1), set(11, "60", 0))).recommendation(ROW);
        assertEquals(Action.HOLD, next.action());
        assertEquals(kg("60.00"), next.nextLoadKg());
        assertEquals("HOLD: all 3 working sets reached 10 reps at 60 kg, but 4 are prescribed; do all 4 before adding"
                + " load; keep 60 kg", next.reason());
    }

    @Test
    void moreSetsThanPrescribedIncrease() {
        Recommendation next = history("cable-row", day("s1", "2026-11-16", "cable-row", new Prescribed(2, 8, 10),
                set(10, "60", 1), set(10, "60", 1), set(10, "60", 0))).recommendation(ROW);
        assertEquals(Action.INCREASE, next.action());
        assertEquals(kg("62.50"), next.nextLoadKg());
    }

    @Test
    void warmUpsDoNotCountTowardsThePrescribedSets() {
        Recommendation next = history("cable-row", day("s1", "2026-11-16", "cable-row", new Prescribed(2, 8, 10),
                warmup(10, "40"), set(10, "60", 1))).recommendation(ROW);
        assertEquals(Action.HOLD, next.action());
        assertTrue(next.reason().contains("but 2 are prescribed"), next.reason());
    }

    @Test
    void anUnknownNumberOfSetsPutsNoBarOnTheCount() {
        Recommendation next = history("cable-row", day("s1", "2026-11-16", "cable-row", new Prescribed(null, 8, 10),
                set(10, "60", 1))).recommendation(ROW);
        assertEquals(Action.INCREASE, next.action());
        assertEquals(kg("62.50"), next.nextLoadKg());
        assertTrue(next.reason().startsWith("INCREASE: the only working set reached 10 reps at 60 kg"),
                next.reason());
    }

    @Test
    void openEndedRangeIncreasesOnceEverySetReachesRepsMinPlusFive() {
        // single-arm lat pulldown, 4 x 15+: the bar is 15 + 5 = 20 reps
        Recommendation next = history("pulldown", day("s1", "2026-11-16", "pulldown", RANGE_15_PLUS,
                set(22, "25", 2), set(20, "25", 2), set(21, "25", 1), set(20, "25", 1))).recommendation(ROW);
        assertEquals(Action.INCREASE, next.action());
        assertEquals(kg("27.50"), next.nextLoadKg());
        assertEquals("INCREASE: all 4 working sets reached 20 reps (open-ended 15+: 15 + 5) at 25 kg last time;"
                + " next 27.5 kg (+2.5 kg)", next.reason());
    }

    @Test
    void openEndedRangeHoldsBelowRepsMinPlusFive() {
        Recommendation next = history("pulldown", day("s1", "2026-11-16", "pulldown", RANGE_15_PLUS,
                set(25, "25", 2), set(21, "25", 2), set(19, "25", 1), set(20, "25", 1))).recommendation(ROW);
        assertEquals(Action.HOLD, next.action());
        assertEquals(kg("25.00"), next.nextLoadKg());
        assertEquals("HOLD: the weakest working set did 19 reps at 25 kg; an increase needs every set at 20"
                + " (open-ended 15+: 15 + 5); keep 25 kg", next.reason());
    }

    @Test
    void openEndedRangeOnAHipHingeStepsFiveKg() {
        Recommendation next = history("romanian-deadlift", day("s1", "2026-11-16", "romanian-deadlift",
                new Prescribed(2, 12, null), set(17, "60", 2), set(18, "60", 2))).recommendation(RDL);
        assertEquals(Action.INCREASE, next.action());
        assertEquals(kg("65.00"), next.nextLoadKg());
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
        Recommendation next = history("pull-up", day("s1", "2026-11-16", "pull-up", new Prescribed(2, 8, 10),
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
        Recommendation next = history("cable-row", day("s1", "2026-11-16", "cable-row", new Prescribed(1, 8, 10),
                warmup(6, "40"), set(10, "60", 1))).recommendation(ROW);
        assertEquals(Action.INCREASE, next.action());
        assertEquals(kg("62.50"), next.nextLoadKg());
    }
}
