package app.backbone.logging.domain.figures;

import static app.backbone.logging.domain.figures.Fixtures.exercise;
import static app.backbone.logging.domain.figures.Fixtures.facts;
import static app.backbone.logging.domain.figures.Fixtures.failure;
import static app.backbone.logging.domain.figures.Fixtures.kg;
import static app.backbone.logging.domain.figures.Fixtures.session;
import static app.backbone.logging.domain.figures.Fixtures.set;
import static app.backbone.logging.domain.figures.Fixtures.strength;
import static app.backbone.logging.domain.figures.Fixtures.timed;
import static app.backbone.logging.domain.figures.Fixtures.warmup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class WeeklyFiguresTest {

    static final IsoWeek W47 = new IsoWeek(2026, 47);

    static final Prescribed RDL_RANGE = new Prescribed(4, 8, 10);
    static final Prescribed ROW_RANGE = new Prescribed(4, 10, 12);
    static final Prescribed PULLDOWN_RANGE = new Prescribed(4, 15, null);
    static final Prescribed SUPERSET_RANGE = new Prescribed(3, 12, 15);

    static final Map<String, ExerciseFacts> FACTS = ExerciseFacts.byId(List.of(
            strength("romanian-deadlift", "HIP_HINGE", List.of("HAMSTRINGS", "GLUTES", "ERECTOR_SPINAE"),
                    List.of("FOREARMS")),
            strength("two-handle-cable-row", "HORIZONTAL_PULL", List.of("MIDDLE_TRAPEZIUS", "RHOMBOIDS", "LATS"),
                    List.of("BICEPS", "REAR_DELTOIDS")),
            strength("single-arm-lat-pulldown", "VERTICAL_PULL", List.of("LATS"),
                    List.of("BICEPS", "LOWER_TRAPEZIUS")),
            strength("machine-row", "HORIZONTAL_PULL", List.of("MIDDLE_TRAPEZIUS", "RHOMBOIDS"),
                    List.of("LATS", "BICEPS")),
            strength("machine-lat-pulldown", "VERTICAL_PULL", List.of("LATS"), List.of("BICEPS")),
            strength("bench-press", "HORIZONTAL_PUSH", List.of("PECTORALS"), List.of("TRICEPS", "FRONT_DELTOIDS")),
            strength("straight-arm-pulldown", "STRAIGHT_ARM_PULL", List.of("LATS"), List.of()),
            strength("plank", null, List.of("CORE"), List.of()),
            strength("no-money-drill", "SCAPULAR_RETRACTION", List.of("ROTATOR_CUFF", "RHOMBOIDS", "MIDDLE_TRAPEZIUS"),
                    List.of("REAR_DELTOIDS")),
            strength("tubing-pull-apart", "SCAPULAR_RETRACTION",
                    List.of("REAR_DELTOIDS", "RHOMBOIDS", "MIDDLE_TRAPEZIUS"), List.of("UPPER_TRAPEZIUS")),
            facts("tennis-ball-shoulder-blade-release", "SELF_MYOFASCIAL_RELEASE", "SOFT_TISSUE",
                    List.of("RHOMBOIDS", "MIDDLE_TRAPEZIUS"), List.of("UPPER_TRAPEZIUS", "ROTATOR_CUFF")),
            facts("knee-hug-stretch", "STRETCH", "LUMBAR_FLEXION_STRETCH", List.of("ERECTOR_SPINAE"),
                    List.of("GLUTES")),
            facts("foam-roller-thoracic-extension", "MOBILITY", "THORACIC_EXTENSION", List.of("ERECTOR_SPINAE"),
                    List.of("CORE"))));

    /** Monday, 2026-W47. */
    static LoggedSession hypertrophyMonday() {
        return session("s-mon", "2026-11-16T18:00:00Z",
                exercise("romanian-deadlift", RDL_RANGE, warmup(10, "40"),
                        set(10, "80", 2), set(10, "80", 2), set(9, "80", 2), set(8, "80", 1)),
                exercise("two-handle-cable-row", ROW_RANGE,
                        set(12, "55", 2), set(11, "55", 2), set(10, "55", 1), set(10, "55", 1)),
                exercise("single-arm-lat-pulldown", PULLDOWN_RANGE,
                        set(16, "25", 4), set(15, "25", 3), set(15, "25", 2), set(15, "25", 2)),
                exercise("machine-row", SUPERSET_RANGE, failure(15, "50"), failure(13, "50"), failure(12, "50")),
                exercise("machine-lat-pulldown", SUPERSET_RANGE,
                        failure(14, "45"), failure(12, "45"), failure(12, "45")));
    }

    /** Thursday, 2026-W47. */
    static LoggedSession hypertrophyThursday() {
        return session("s-thu", "2026-11-19T07:30:00Z",
                exercise("romanian-deadlift", RDL_RANGE, warmup(10, "40"),
                        set(10, "82.5", 2), set(9, "82.5", 2), set(9, "82.5", 1), set(8, "82.5", 1)),
                exercise("two-handle-cable-row", ROW_RANGE,
                        set(12, "55", 2), set(12, "55", 2), set(11, "55", 1), set(10, "55", 0)),
                exercise("single-arm-lat-pulldown", PULLDOWN_RANGE,
                        set(17, "25", 3), set(16, "25", 2), set(15, "25", 2), set(15, "25", 1)),
                exercise("machine-row", SUPERSET_RANGE, failure(15, "50"), failure(14, "50"), failure(12, "50")),
                exercise("machine-lat-pulldown", SUPERSET_RANGE,
                        failure(15, "45"), failure(13, "45"), failure(12, "45")));
    }

    static WeeklyFigures figures(LoggedSession... sessions) {
        return new WeeklyFigures.Calculator(FACTS).of(fold(sessions[0].week(), List.of(sessions)));
    }

    /** The week as ingest and rebuild store it: its sessions folded one by one from empty. */
    static WeekAggregate fold(IsoWeek week, List<LoggedSession> sessions) {
        WeekAggregate aggregate = WeekAggregate.empty(week);
        for (LoggedSession session : sessions) {
            aggregate = aggregate.plus(session);
        }
        return aggregate;
    }

    /** Each week of the sessions, folded in the order given. */
    static Map<IsoWeek, WeekAggregate> weeks(List<LoggedSession> sessions) {
        Map<IsoWeek, WeekAggregate> weeks = new TreeMap<>();
        for (LoggedSession session : sessions) {
            weeks.put(session.week(), weeks.getOrDefault(session.week(), WeekAggregate.empty(session.week()))
                    .plus(session));
        }
        return weeks;
    }

    /*
     * Monday (warm-up 10 x 40 on the RDL left out everywhere):
     *   RDL        80 x (10+10+9+8 = 37)      = 2960   4 sets, 4 hard
     *   cable row  55 x (12+11+10+10 = 43)    = 2365   4 sets, 4 hard
     *   pulldown   25 x (16+15+15+15 = 61)    = 1525   4 sets, 3 hard (the 16 at rir 4 is not)
     *   mach. row  50 x (15+13+12 = 40)       = 2000   3 sets, 3 hard (failure)
     *   mach. pd   45 x (14+12+12 = 38)       = 1710   3 sets, 3 hard (failure)
     *   -> 18 sets, 219 reps, 10560 kg
     * Thursday:
     *   RDL        82.5 x (10+9+9+8 = 36)     = 2970   4 hard
     *   cable row  55 x (12+12+11+10 = 45)    = 2475   4 hard
     *   pulldown   25 x (17+16+15+15 = 63)    = 1575   4 hard
     *   mach. row  50 x (15+14+12 = 41)       = 2050   3 hard
     *   mach. pd   45 x (15+13+12 = 40)       = 1800   3 hard
     *   -> 18 sets, 225 reps, 10870 kg
     * Week: 2 sessions, 36 sets, 444 reps, 21430 kg.
     * Hard sets per exercise: RDL 8, cable row 8, pulldown 7, machine row 6, machine pulldown 6.
     *   HAMSTRINGS, GLUTES, ERECTOR_SPINAE = 8 (RDL primary); FOREARMS = 8 * 0.5 = 4
     *   MIDDLE_TRAPEZIUS, RHOMBOIDS = 8 + 6 = 14
     *   LATS = 8 (row) + 7 (pulldown) + 6 * 0.5 (machine row) + 6 (machine pulldown) = 24
     *   BICEPS = (8 + 7 + 6 + 6) * 0.5 = 13.5; REAR_DELTOIDS = 8 * 0.5 = 4; LOWER_TRAPEZIUS = 7 * 0.5 = 3.5
     * Pull = 8 + 7 + 6 + 6 = 27, push = 0 -> ratio null.
     */
    @Test
    void handComputedHypertrophyWeek() {
        WeeklyFigures week = figures(hypertrophyMonday(), hypertrophyThursday());

        assertEquals("2026-W47", week.week());
        assertEquals(2, week.sessions());
        assertEquals(36, week.sets());
        assertEquals(444, week.reps());
        assertEquals(kg("21430.00"), week.tonnageKg());
        assertEquals(Map.of(
                "HAMSTRINGS", kg("8.0"), "GLUTES", kg("8.0"), "ERECTOR_SPINAE", kg("8.0"), "FOREARMS", kg("4.0"),
                "MIDDLE_TRAPEZIUS", kg("14.0"), "RHOMBOIDS", kg("14.0"), "LATS", kg("24.0"),
                "BICEPS", kg("13.5"), "REAR_DELTOIDS", kg("4.0"), "LOWER_TRAPEZIUS", kg("3.5")),
                week.hardSetsByMuscle());
        week.sessionsByMuscle().values().forEach(sessions -> assertEquals(2, sessions));
        assertEquals(week.hardSetsByMuscle().keySet(), week.sessionsByMuscle().keySet());
        assertEquals(27, week.pullHardSets());
        assertEquals(0, week.pushHardSets());
        assertNull(week.pullPushRatio());
        assertEquals(List.of(), List.copyOf(week.exercisesWithoutFacts()));
    }

    /*
     * Monday: a back-care session.
     *   tennis-ball release (soft tissue)  2 x 60 s, no rir        2 sets, 0 reps, no hard set
     *   knee-hug stretch (stretch)         2 x 30 s, no rir        2 sets, 0 reps, no hard set
     *   thoracic extension (mobility)      2 x 10 unloaded, rir 5  2 sets, 20 reps, no hard set
     *   two-handle cable row (strength)    3 x 12 at 50 kg, rir 2  3 sets, 36 reps, 1800 kg, 3 hard sets
     * Thursday: knee-hug stretch 1 x 30 s only: 1 set.
     * Week: 2 sessions, 9 + 1 = 10 sets, 20 + 36 = 56 reps, 1800 kg.
     * Hard sets: the row's 3 only -> MIDDLE_TRAPEZIUS, RHOMBOIDS, LATS 3; BICEPS, REAR_DELTOIDS 3 * 0.5 = 1.5.
     *   (Under the old rule the release added 2 to RHOMBOIDS and MIDDLE_TRAPEZIUS, the stretch 2 to ERECTOR_SPINAE.)
     * Sessions per muscle: Monday trains every muscle named; Thursday ERECTOR_SPINAE and GLUTES again:
     *   ERECTOR_SPINAE, GLUTES 2; RHOMBOIDS, MIDDLE_TRAPEZIUS, UPPER_TRAPEZIUS, ROTATOR_CUFF, CORE, LATS, BICEPS,
     *   REAR_DELTOIDS 1.
     * Pulls 3 (the row), pushes 0.
     */
    @Test
    void mobilityStretchAndSoftTissueWorkMakeNoHardSetsButCountInSetsAndFrequency() {
        WeeklyFigures week = figures(
                session("s-mon", "2026-11-16T18:00:00Z",
                        exercise("tennis-ball-shoulder-blade-release", null, timed(60), timed(60)),
                        exercise("knee-hug-stretch", null, timed(30), timed(30)),
                        exercise("foam-roller-thoracic-extension", null, set(10, null, 5), set(10, null, 5)),
                        exercise("two-handle-cable-row", ROW_RANGE, set(12, "50", 2), set(12, "50", 2),
                                set(12, "50", 2))),
                session("s-thu", "2026-11-19T18:00:00Z", exercise("knee-hug-stretch", null, timed(30))));

        assertEquals(2, week.sessions());
        assertEquals(10, week.sets());
        assertEquals(56, week.reps());
        assertEquals(kg("1800.00"), week.tonnageKg());
        assertEquals(Map.of("MIDDLE_TRAPEZIUS", kg("3.0"), "RHOMBOIDS", kg("3.0"), "LATS", kg("3.0"),
                "BICEPS", kg("1.5"), "REAR_DELTOIDS", kg("1.5")), week.hardSetsByMuscle());
        assertEquals(Map.of("ERECTOR_SPINAE", 2, "GLUTES", 2, "RHOMBOIDS", 1, "MIDDLE_TRAPEZIUS", 1,
                "UPPER_TRAPEZIUS", 1, "ROTATOR_CUFF", 1, "CORE", 1, "LATS", 1, "BICEPS", 1, "REAR_DELTOIDS", 1),
                week.sessionsByMuscle());
        assertEquals(3, week.pullHardSets());
        assertNull(week.pullPushRatio());
    }

    @Test
    void theCategoryIsTheCatalogsAtReadTime() {
        WeekAggregate week = WeekAggregate.empty(W47).plus(session("s1", "2026-11-16T10:00:00Z",
                exercise("band-row", null, set(15, null, 2), set(15, null, 6))));

        WeeklyFigures unknown = new WeeklyFigures.Calculator(Map.of()).of(week);
        assertEquals(List.of("band-row"), List.copyOf(unknown.exercisesWithoutFacts()));
        assertEquals(Map.of(), unknown.hardSetsByMuscle());
        assertEquals(Map.of(), unknown.sessionsByMuscle());

        WeeklyFigures asMobility = new WeeklyFigures.Calculator(Map.of("band-row",
                facts("band-row", "MOBILITY", "HORIZONTAL_PULL", List.of("RHOMBOIDS"), List.of()))).of(week);
        assertEquals(Map.of(), asMobility.hardSetsByMuscle());
        assertEquals(Map.of("RHOMBOIDS", 1), asMobility.sessionsByMuscle());
        assertEquals(0, asMobility.pullHardSets());

        // the rir-6 set is not hard: 1 hard set
        WeeklyFigures asStrength = new WeeklyFigures.Calculator(Map.of("band-row",
                strength("band-row", "HORIZONTAL_PULL", List.of("RHOMBOIDS"), List.of()))).of(week);
        assertEquals(Map.of("RHOMBOIDS", kg("1.0")), asStrength.hardSetsByMuscle());
        assertEquals(Map.of("RHOMBOIDS", 1), asStrength.sessionsByMuscle());
        assertEquals(1, asStrength.pullHardSets());
    }

    @Test
    void anExerciseDoneOnlyEasyStillWaitsForItsFacts() {
        WeekAggregate week = WeekAggregate.empty(W47).plus(session("s1", "2026-11-16T10:00:00Z",
                exercise("unknown-stretch", null, set(10, null, 8))));
        assertEquals(List.of("unknown-stretch"),
                List.copyOf(new WeeklyFigures.Calculator(FACTS).of(week).exercisesWithoutFacts()));
    }

    @Test
    void scapularRetractionDrillsCountAsPulls() {
        // pulls: 3 no-money drills (rir 2) + 2 pull-aparts (no rir) = 5 hard; pushes: 3 bench = 3 -> 5 / 3 = 1.67
        WeeklyFigures week = figures(session("s1", "2026-11-16T10:00:00Z",
                exercise("no-money-drill", null, set(15, null, 2), set(15, null, 2), set(15, null, 2)),
                exercise("tubing-pull-apart", null, set(20, null, null), set(20, null, null)),
                exercise("bench-press", null, set(8, "70", 2), set(8, "70", 2), set(8, "70", 2))));
        assertEquals(5, week.pullHardSets());
        assertEquals(3, week.pushHardSets());
        assertEquals(kg("1.67"), week.pullPushRatio());
        // RHOMBOIDS: 3 + 2 primary = 5; REAR_DELTOIDS: 3 * 0.5 + 2 = 3.5
        assertEquals(kg("5.0"), week.hardSetsByMuscle().get("RHOMBOIDS"));
        assertEquals(kg("3.5"), week.hardSetsByMuscle().get("REAR_DELTOIDS"));
    }

    @Test
    void aWeekStoredUnderFiguresVersionOneCountsOtherWorkForFrequencyOnlyWhereDoneHard() {
        WeekAggregate v2 = fold(W47, List.of(session("s1", "2026-11-16T10:00:00Z",
                exercise("knee-hug-stretch", null, timed(30)),
                exercise("foam-roller-thoracic-extension", null, set(10, null, 5)))));
        WeekAggregate v1 = new WeekAggregate(v2.week(), v2.sets(), v2.reps(), v2.tonnageKg(),
                v2.hardSetsByExercise(), v2.hardExercisesBySession(), null);
        WeeklyFigures.Calculator calculator = new WeeklyFigures.Calculator(FACTS);

        // the stretch (no rir) was done hard, the thoracic extension (rir 5) was not: only version 2 knows of it
        assertEquals(Map.of("ERECTOR_SPINAE", 1, "GLUTES", 1, "CORE", 1), calculator.of(v2).sessionsByMuscle());
        assertEquals(Map.of("ERECTOR_SPINAE", 1, "GLUTES", 1), calculator.of(v1).sessionsByMuscle());
        assertEquals(Map.of(), calculator.of(v1).hardSetsByMuscle());
        assertEquals(calculator.of(v2).sets(), calculator.of(v1).sets());
    }

    @Test
    void secondaryMusclesCountHalf() {
        WeeklyFigures week = figures(session("s1", "2026-11-16T10:00:00Z",
                exercise("bench-press", null, set(8, "70", 2), set(8, "70", 2), set(7, "70", 1))));
        assertEquals(Map.of("PECTORALS", kg("3.0"), "TRICEPS", kg("1.5"), "FRONT_DELTOIDS", kg("1.5")),
                week.hardSetsByMuscle());
    }

    @Test
    void muscleListedAsPrimaryAndSecondaryCountsOnceAsPrimary() {
        Map<String, ExerciseFacts> odd = Map.of("odd-row",
                strength("odd-row", "HORIZONTAL_PULL", List.of("LATS"), List.of("LATS", "BICEPS")));
        WeekAggregate week = WeekAggregate.empty(W47)
                .plus(session("s1", "2026-11-16T10:00:00Z", exercise("odd-row", null, set(10, "40", 2))));
        assertEquals(Map.of("LATS", kg("1.0"), "BICEPS", kg("0.5")),
                new WeeklyFigures.Calculator(odd).of(week).hardSetsByMuscle());
    }

    @Test
    void pullPushRatioTwoToOne() {
        // pulls: 3 rows + 2 straight-arm pulldowns + 1 pulldown = 6 hard; pushes: 3 bench = 3 hard -> 2.00
        WeeklyFigures week = figures(session("s1", "2026-11-16T10:00:00Z",
                exercise("two-handle-cable-row", null, set(10, "50", 2), set(10, "50", 2), set(10, "50", 2)),
                exercise("straight-arm-pulldown", null, set(12, "20", 2), set(12, "20", 2)),
                exercise("single-arm-lat-pulldown", null, set(15, "25", 1), set(15, "25", 5)),
                exercise("bench-press", null, set(8, "70", 2), set(8, "70", 2), set(8, "70", 2))));
        assertEquals(6, week.pullHardSets());
        assertEquals(3, week.pushHardSets());
        assertEquals(kg("2.00"), week.pullPushRatio());
    }

    @Test
    void pullPushRatioRoundsToTwoDecimals() {
        // 2 pulls / 3 pushes = 0.666... -> 0.67
        WeeklyFigures week = figures(session("s1", "2026-11-16T10:00:00Z",
                exercise("two-handle-cable-row", null, set(10, "50", 2), set(10, "50", 2)),
                exercise("bench-press", null, set(8, "70", 2), set(8, "70", 2), set(8, "70", 2))));
        assertEquals(kg("0.67"), week.pullPushRatio());
    }

    @Test
    void pullPushRatioIsNullWithoutPushHardSets() {
        WeeklyFigures week = figures(session("s1", "2026-11-16T10:00:00Z",
                exercise("two-handle-cable-row", null, set(10, "50", 2)),
                exercise("bench-press", null, set(8, "70", 5), warmup(8, "40"))));
        assertEquals(1, week.pullHardSets());
        assertEquals(0, week.pushHardSets());
        assertNull(week.pullPushRatio());
    }

    @Test
    void sessionsByMuscleCountsSessionsWithAHardSetForTheMuscleOnce() {
        // s1 hits LATS through two exercises: one session. s2 has only an easy pulldown (rir 5): no session.
        WeeklyFigures week = figures(
                session("s1", "2026-11-16T10:00:00Z",
                        exercise("two-handle-cable-row", null, set(10, "50", 2)),
                        exercise("machine-lat-pulldown", null, set(12, "40", 2))),
                session("s2", "2026-11-18T10:00:00Z",
                        exercise("machine-lat-pulldown", null, set(12, "40", 5))),
                session("s3", "2026-11-20T10:00:00Z",
                        exercise("machine-row", null, failure(12, "45"))));
        assertEquals(3, week.sessions());
        assertEquals(2, week.sessionsByMuscle().get("LATS"));
        assertEquals(2, week.sessionsByMuscle().get("BICEPS"));
        assertEquals(2, week.sessionsByMuscle().get("RHOMBOIDS"));
    }

    @Test
    void timedAndUnloadedWorkCountSetsButNoTonnage() {
        WeeklyFigures week = figures(session("s1", "2026-11-16T10:00:00Z",
                exercise("plank", null, timed(45), timed(45)),
                exercise("machine-lat-pulldown", null, set(12, null, 2))));
        assertEquals(3, week.sets());
        assertEquals(12, week.reps());
        assertEquals(kg("0.00"), week.tonnageKg());
        assertEquals(kg("2.0"), week.hardSetsByMuscle().get("CORE"));
    }

    @Test
    void muscleFiguresCompleteWhenFactsArriveLater() {
        WeekAggregate week = fold(W47, List.of(hypertrophyMonday()));
        Map<String, ExerciseFacts> partial = new java.util.HashMap<>(FACTS);
        partial.remove("single-arm-lat-pulldown");

        WeeklyFigures before = new WeeklyFigures.Calculator(partial).of(week);
        assertEquals(List.of("single-arm-lat-pulldown"), List.copyOf(before.exercisesWithoutFacts()));
        // without the pulldown's 3 hard sets: LATS = 4 (row) + 3 * 0.5 (machine row) + 3 (machine pulldown)
        assertEquals(kg("8.5"), before.hardSetsByMuscle().get("LATS"));
        assertNull(before.hardSetsByMuscle().get("LOWER_TRAPEZIUS"));

        WeeklyFigures after = new WeeklyFigures.Calculator(FACTS).of(week);
        assertEquals(List.of(), List.copyOf(after.exercisesWithoutFacts()));
        assertEquals(kg("11.5"), after.hardSetsByMuscle().get("LATS"));
        assertEquals(kg("1.5"), after.hardSetsByMuscle().get("LOWER_TRAPEZIUS"));
        assertEquals(before.tonnageKg(), after.tonnageKg());
    }

    @Test
    void foldingASessionTwiceCountsItOnce() {
        WeekAggregate once = WeekAggregate.empty(W47).plus(hypertrophyMonday());
        assertSame(once, once.plus(hypertrophyMonday()));
    }

    @Test
    void aSessionOfAnotherWeekIsRefused() {
        LoggedSession nextWeek = session("s9", "2026-11-23T00:10:00Z",
                exercise("bench-press", null, set(8, "70", 2)));
        assertThrows(IllegalArgumentException.class, () -> WeekAggregate.empty(W47).plus(nextWeek));
    }

    @Test
    void foldingInAnyOrderEqualsFoldingInTheOrderOfCompletion() {
        List<LoggedSession> sessions = List.of(hypertrophyMonday(), hypertrophyThursday(),
                session("s-sun", "2026-11-22T23:30:00Z",
                        exercise("bench-press", null, set(8, "70", 2), set(8, "72.5", 1)),
                        exercise("romanian-deadlift", RDL_RANGE, set(10, "85", 0))),
                session("s-next", "2026-11-23T00:10:00Z",
                        exercise("two-handle-cable-row", ROW_RANGE, set(12, "57.5", 2)),
                        exercise("plank", null, timed(60))));
        Map<IsoWeek, WeekAggregate> inOrder = weeks(sessions);
        WeeklyFigures.Calculator calculator = new WeeklyFigures.Calculator(FACTS);

        for (List<LoggedSession> order : permutations(sessions)) {
            String named = "order " + order.stream().map(LoggedSession::sessionId).toList();
            Map<IsoWeek, WeekAggregate> folded = weeks(order);
            assertEquals(inOrder, folded, named);
            for (IsoWeek week : inOrder.keySet()) {
                assertEquals(calculator.of(inOrder.get(week)), calculator.of(folded.get(week)), named);
            }
            for (String exerciseId : FACTS.keySet()) {
                ExerciseHistory expected = ExerciseHistory.rebuild(exerciseId, sessions);
                ExerciseHistory history = ExerciseHistory.rebuild(exerciseId, order);
                assertEquals(expected, history, named);
                assertEquals(expected.recommendation(FACTS.get(exerciseId)),
                        history.recommendation(FACTS.get(exerciseId)), named);
            }
        }
        assertEquals(3, inOrder.get(W47).sessions());
        assertEquals(1, inOrder.get(new IsoWeek(2026, 48)).sessions());
    }

    static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(head);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }
}
