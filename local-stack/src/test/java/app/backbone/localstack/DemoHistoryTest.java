package app.backbone.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.backbone.localstack.DemoHistory.ExerciseDone;
import app.backbone.localstack.DemoHistory.PlannedSession;
import app.backbone.localstack.DemoHistory.Prescription;
import app.backbone.localstack.DemoHistory.Report;
import app.backbone.localstack.DemoHistory.SetDone;

class DemoHistoryTest {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    /** A Sunday evening, so that every planned Tuesday and Friday of the period lies before it. */
    private static final Instant NOW = Instant.parse("2026-11-29T20:00:00Z");
    private static final LocalDate FIRST_MONDAY = LocalDate.parse("2026-06-01");
    private static final Prescription ROW = new Prescription("barbell-row", 3, 8, 12, null, null, 2, false);
    private static final Prescription PLANK = new Prescription("plank", 2, null, null, 30, 60, null, false);
    private static final Prescription PULL_UP = new Prescription("pull-up", 3, 5, 8, null, null, null, true);
    /** Two sessions a week over a four-week cycle whose last week is a deload. */
    private static final List<PlannedSession> CYCLE = cycle();

    private static List<PlannedSession> cycle() {
        List<PlannedSession> cycle = new ArrayList<>();
        for (int week = 1; week <= 4; week++) {
            cycle.add(new PlannedSession(week, 1, week == 4, List.of(ROW, PLANK)));
            cycle.add(new PlannedSession(week, 2, week == 4, List.of(PULL_UP)));
        }
        return cycle;
    }

    private static List<Report> history(long seed, double adherence) {
        return DemoHistory.of("anna-k", seed, CYCLE, Set.of("barbell-row"), FIRST_MONDAY, NOW, adherence);
    }

    @Test
    void theSameSeedGivesTheSameHistoryAndAnotherAnother() {
        assertEquals(history(3, 0.8), history(3, 0.8));
        assertNotEquals(history(3, 0.8), history(4, 0.8));
    }

    @Test
    void aMemberWhoMissesNothingTrainsEveryTuesdayAndFridayUntilNowFollowingTheCycle() {
        List<Report> reports = history(1, 1.0);
        assertEquals(26 * 2, reports.size(), "26 weeks from 1 June to 29 November");
        for (int i = 0; i < reports.size(); i++) {
            Report report = reports.get(i);
            DayOfWeek day = report.completedAt().atZone(ZoneOffset.UTC).getDayOfWeek();
            assertEquals(i % 2 == 0 ? DayOfWeek.TUESDAY : DayOfWeek.FRIDAY, day, report::toString);
            assertTrue(report.completedAt().isBefore(NOW));
            PlannedSession planned = CYCLE.get(i % CYCLE.size());
            assertEquals(planned.week(), report.week());
            assertEquals(planned.sessionIndex(), report.sessionIndex());
            assertEquals("demo-anna-k-" + i, report.sessionId());
        }
    }

    @Test
    void aMemberWhoMissesSomeFollowsTheCycleInTheSessionsTheyDid() {
        List<Report> reports = history(2, 0.6);
        assertTrue(reports.size() < 52 && reports.size() > 15, "about 60% of 52: " + reports.size());
        for (int i = 0; i < reports.size(); i++) {
            assertEquals(CYCLE.get(i % CYCLE.size()).week(), reports.get(i).week());
            if (i > 0) {
                assertTrue(reports.get(i).completedAt().isAfter(reports.get(i - 1).completedAt()));
            }
        }
    }

    @Test
    void loadsRiseByDoubleProgressionAndDropInDeloadWeeks() {
        List<Report> reports = history(5, 1.0);
        BigDecimal first = null;
        BigDecimal highest = BigDecimal.ZERO;
        for (Report report : reports) {
            ExerciseDone row = exercise(report, "barbell-row");
            if (row == null) {
                continue;
            }
            SetDone warmup = row.sets().get(0);
            assertTrue(warmup.warmup());
            List<SetDone> work = row.sets().subList(1, row.sets().size());
            assertEquals(3, work.size());
            BigDecimal load = work.get(0).loadKg();
            if (first == null) {
                first = load;
            }
            if (report.week() == 4) {
                assertTrue(load.compareTo(highest) < 0, "a deload week is lighter: " + report);
            } else {
                assertTrue(load.compareTo(highest) >= 0, "loads never fall outside a deload: " + report);
                highest = load;
                work.forEach(set -> assertTrue(set.reps() >= 5 && set.reps() <= 12, set::toString));
            }
            BigDecimal half = load.divide(TWO);
            assertTrue(warmup.loadKg().subtract(half).abs().compareTo(new BigDecimal("0.25")) <= 0,
                    "the warm-up is half the load, to 0.5 kg: " + report);
        }
        assertTrue(highest.compareTo(first) > 0, "half a year of training raised the row from " + first);
    }

    @Test
    void unloadedExercisesHaveNoLoadAndTimedOnesSecondsInsteadOfReps() {
        for (Report report : history(6, 1.0)) {
            ExerciseDone plank = exercise(report, "plank");
            if (plank != null) {
                plank.sets().forEach(set -> {
                    assertNull(set.reps());
                    assertNull(set.loadKg());
                    assertTrue(set.seconds() >= 30 && set.seconds() <= 60, set::toString);
                });
            }
            ExerciseDone pullUp = exercise(report, "pull-up");
            if (pullUp != null) {
                pullUp.sets().forEach(set -> {
                    assertNull(set.loadKg());
                    assertTrue(set.toFailure());
                    assertEquals(0, set.rir());
                });
            }
        }
    }

    private static ExerciseDone exercise(Report report, String exerciseId) {
        return report.exercises().stream().filter(e -> e.exerciseId().equals(exerciseId)).findFirst().orElse(null);
    }
}
