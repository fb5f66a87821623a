package app.backbone.logging.domain.figures;

import static app.backbone.logging.domain.figures.Fixtures.exercise;
import static app.backbone.logging.domain.figures.Fixtures.kg;
import static app.backbone.logging.domain.figures.Fixtures.session;
import static app.backbone.logging.domain.figures.Fixtures.set;
import static app.backbone.logging.domain.figures.Fixtures.warmup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ExerciseHistoryTest {

    static final String RDL = "romanian-deadlift";
    static final Prescribed RANGE = new Prescribed(4, 8, 10);

    static final LoggedSession FIRST = session("s1", "2026-11-16T18:00:00Z",
            exercise(RDL, RANGE, warmup(5, "120"), set(10, "80", 2), set(8, "85", 1)));
    static final LoggedSession SECOND = session("s2", "2026-11-19T07:30:00Z",
            exercise(RDL, RANGE, set(10, "82.5", 2), set(10, "82.5", 2), set(6, "90", 0)));
    static final LoggedSession THIRD = session("s3", "2026-11-23T00:10:00Z",
            exercise(RDL, RANGE, set(12, "80", 1)));

    @Test
    void seriesHasOnePointPerSessionOldestFirst() {
        ExerciseHistory history = ExerciseHistory.rebuild(RDL, List.of(THIRD, FIRST, SECOND));
        List<ProgressionPoint> series = history.series();
        assertEquals(List.of("s1", "s2", "s3"), series.stream().map(ProgressionPoint::sessionId).toList());

        ProgressionPoint first = series.get(0);
        assertEquals(LocalDate.of(2026, 11, 16), first.date());
        // warm-up at 120 kg is not the top set
        assertEquals(new TopSet(kg("85.00"), 8), first.topSet());
        // 80 * 42 / 30 = 112; 85 * 39 / 30 = 110.5
        assertEquals(kg("112.00"), first.bestE1rmKg());
        // 80 * 10 + 85 * 8 = 800 + 680
        assertEquals(kg("1480.00"), first.tonnageKg());
        assertEquals(2, first.workingSets());
        assertEquals(8, first.fewestReps());

        ProgressionPoint second = series.get(1);
        assertEquals(new TopSet(kg("90.00"), 6), second.topSet());
        // 82.5 * 42 / 30 = 115.5; 90 * 36 / 30 = 108
        assertEquals(kg("115.50"), second.bestE1rmKg());
        // 82.5 * 20 + 90 * 6 = 1650 + 540
        assertEquals(kg("2190.00"), second.tonnageKg());

        // 12 reps + rir 1 = 13: no e1RM
        assertNull(series.get(2).bestE1rmKg());
    }

    @Test
    void topSetPrefersMoreRepsAtTheSameLoad() {
        ProgressionPoint point = ExerciseHistory.rebuild(RDL, List.of(session("s1", "2026-11-16T18:00:00Z",
                exercise(RDL, RANGE, set(8, "80", 1), set(10, "80", 1), set(9, "80", 1))))).series().get(0);
        assertEquals(new TopSet(kg("80.00"), 10), point.topSet());
    }

    @Test
    void recordsAreTheBestOfAllSessions() {
        ExerciseRecords records = ExerciseHistory.rebuild(RDL, List.of(FIRST, SECOND, THIRD)).records();
        assertEquals(new Best(kg("90.00"), "s2", SECOND.completedAt()), records.heaviestLoad());
        assertEquals(new Best(kg("115.50"), "s2", SECOND.completedAt()), records.bestE1rm());
        assertEquals(new Best(kg("2190.00"), "s2", SECOND.completedAt()), records.bestSessionTonnage());
        assertEquals(Map.of(kg("80.00"), 12, kg("82.50"), 10, kg("85.00"), 8, kg("90.00"), 6),
                records.mostRepsByLoadKg());
    }

    @Test
    void aTiedRecordStaysWithTheEarlierSession() {
        LoggedSession again = session("s4", "2026-11-26T18:00:00Z", exercise(RDL, RANGE, set(6, "90", 0)));
        ExerciseRecords records = ExerciseHistory.rebuild(RDL, List.of(again, SECOND)).records();
        assertEquals("s2", records.heaviestLoad().sessionId());
    }

    @Test
    void unloadedRepsAreKeyedAtZeroKg() {
        ExerciseRecords records = ExerciseHistory.rebuild("pull-up", List.of(session("s1", "2026-11-16T18:00:00Z",
                exercise("pull-up", null, set(8, null, 2), set(10, null, 0))))).records();
        assertEquals(Map.of(kg("0.00"), 10), records.mostRepsByLoadKg());
        assertNull(records.heaviestLoad());
        assertNull(records.bestE1rm());
        assertNull(records.bestSessionTonnage());
    }

    @Test
    void anExerciseLoggedTwiceInASessionIsOnePoint() {
        LoggedSession split = session("s1", "2026-11-16T18:00:00Z",
                exercise(RDL, RANGE, set(10, "80", 2)),
                exercise(RDL, null, set(8, "85", 1)));
        ExerciseHistory history = ExerciseHistory.empty(RDL).plus(split);
        assertEquals(1, history.series().size());
        assertEquals(kg("1480.00"), history.series().get(0).tonnageKg());
        assertEquals(RANGE, history.series().get(0).prescription());
    }

    @Test
    void aSessionWithoutTheExerciseOrAlreadyFoldedChangesNothing() {
        ExerciseHistory history = ExerciseHistory.empty(RDL).plus(FIRST);
        assertEquals(history, history.plus(FIRST));
        assertEquals(history, history.plus(session("s9", "2026-11-17T18:00:00Z",
                exercise("cable-row", null, set(10, "50", 2)))));
    }
}
