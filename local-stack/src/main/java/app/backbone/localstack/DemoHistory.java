package app.backbone.localstack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A demo member's training history, made up but plausible: the sessions of their program's cycle in order, on
 * Tuesdays and Fridays, some missed, each exercise progressed the double-progression way (a rep more most sessions,
 * the load up and the reps back down once the top of the range is reached), with bad days now and then and lighter
 * deload weeks. The same seed gives the same history.
 */
final class DemoHistory {

    /** One prescription of a session of the cycle, as the program gives it. */
    record Prescription(String exerciseId, int sets, Integer repsMin, Integer repsMax, Integer seconds,
            Integer secondsMax, Integer targetRir, boolean toFailure) {
    }

    /** One session of the cycle: its week (1-based), its place in the week (1 = A) and what it prescribes. */
    record PlannedSession(int week, int sessionIndex, boolean deload, List<Prescription> prescriptions) {
    }

    /** One set as reported. */
    record SetDone(Integer reps, BigDecimal loadKg, Integer rir, boolean toFailure, Integer seconds, boolean warmup) {
    }

    /** One exercise as reported. */
    record ExerciseDone(String exerciseId, List<SetDone> sets) {
    }

    /** One session report. */
    record Report(String sessionId, Instant completedAt, int week, int sessionIndex, List<ExerciseDone> exercises) {
    }

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal SMALL_STEP = new BigDecimal("2.5");
    private static final BigDecimal LARGE_STEP = new BigDecimal("5");
    private static final BigDecimal HEAVY = new BigDecimal("60");
    private static final BigDecimal DELOAD = new BigDecimal("0.9");

    private final Random random;
    private final Set<String> loadable;
    private final Map<String, Progress> progress = new HashMap<>();

    /** Where one exercise stands: the load and the reps (or seconds) of its next working sets. */
    private static final class Progress {
        BigDecimal loadKg;
        int reps;
        int seconds;
    }

    private DemoHistory(long seed, Set<String> loadable) {
        this.random = new Random(seed);
        this.loadable = loadable;
    }

    /**
     * The reports of a member who trained from the week of {@code firstMonday} until {@code now}, attending each
     * planned session with the probability {@code adherence}.
     *
     * @param cycle    the program's sessions in the order the program gives them, repeated cycle after cycle
     * @param loadable the exercises trained with an external load
     */
    static List<Report> of(String memberId, long seed, List<PlannedSession> cycle, Set<String> loadable,
            LocalDate firstMonday, Instant now, double adherence) {
        return new DemoHistory(seed, loadable).reports(memberId, cycle, firstMonday, now, adherence);
    }

    private List<Report> reports(String memberId, List<PlannedSession> cycle, LocalDate firstMonday, Instant now,
            double adherence) {
        int perWeek = (int) cycle.stream().filter(s -> s.week() == 1).count();
        if (perWeek == 0) {
            throw new IllegalArgumentException("The program's first week has no sessions");
        }
        List<Report> reports = new ArrayList<>();
        int next = 0;
        LocalDate monday = firstMonday.with(DayOfWeek.MONDAY);
        for (int week = 0; ; week++) {
            for (int slot = 0; slot < perWeek; slot++) {
                LocalDate day = monday.plusWeeks(week).plusDays(slot == 0 ? 1 : 4);
                Instant completedAt = day.atTime(17, 0).toInstant(ZoneOffset.UTC)
                        .plusSeconds(60L * random.nextInt(180));
                if (!completedAt.isBefore(now)) {
                    return reports;
                }
                if (random.nextDouble() >= adherence) {
                    continue;
                }
                PlannedSession planned = cycle.get(next % cycle.size());
                next++;
                reports.add(new Report("demo-" + memberId + "-" + reports.size(), completedAt, planned.week(),
                        planned.sessionIndex(), perform(planned)));
            }
        }
    }

    private List<ExerciseDone> perform(PlannedSession planned) {
        boolean badDay = random.nextInt(10) == 0;
        List<ExerciseDone> done = new ArrayList<>();
        boolean warmedUp = false;
        for (Prescription prescription : planned.prescriptions()) {
            Progress at = progress.computeIfAbsent(prescription.exerciseId(), id -> start(prescription));
            List<SetDone> sets = new ArrayList<>();
            boolean loaded = at.loadKg != null;
            BigDecimal load = !loaded ? null : planned.deload() ? round(at.loadKg.multiply(DELOAD)) : at.loadKg;
            if (loaded && !warmedUp) {
                sets.add(new SetDone(8, round(load.divide(TWO, RoundingMode.HALF_UP)), null, false, null,
                        true));
                warmedUp = true;
            }
            int rir = prescription.targetRir() == null ? 2 : prescription.targetRir();
            for (int set = 0; set < Math.max(1, prescription.sets()); set++) {
                boolean last = set == prescription.sets() - 1;
                if (prescription.seconds() != null && prescription.repsMin() == null) {
                    sets.add(new SetDone(null, load, null, false, at.seconds, false));
                } else {
                    int reps = badDay && last ? Math.max(1, at.reps - 3) : at.reps;
                    sets.add(new SetDone(reps, load, prescription.toFailure() ? 0 : rir, prescription.toFailure(),
                            null, false));
                }
            }
            done.add(new ExerciseDone(prescription.exerciseId(), sets));
            if (!planned.deload() && !badDay) {
                advance(at, prescription);
            }
        }
        return done;
    }

    private Progress start(Prescription prescription) {
        Progress start = new Progress();
        start.reps = prescription.repsMin() == null ? 8 : prescription.repsMin();
        start.seconds = prescription.seconds() == null ? 30 : prescription.seconds();
        if (loadable.contains(prescription.exerciseId())) {
            start.loadKg = SMALL_STEP.multiply(BigDecimal.valueOf(4 + random.nextInt(25)));
        }
        return start;
    }

    private void advance(Progress at, Prescription prescription) {
        if (prescription.seconds() != null && prescription.repsMin() == null) {
            int most = prescription.secondsMax() == null ? prescription.seconds() + 30 : prescription.secondsMax();
            at.seconds = Math.min(most, at.seconds + 5);
            return;
        }
        if (random.nextInt(10) >= 7) {
            return;
        }
        int top = prescription.repsMax() == null ? at.reps + 1 : prescription.repsMax();
        if (at.reps < top) {
            at.reps++;
        } else if (at.loadKg != null) {
            at.loadKg = at.loadKg.add(at.loadKg.compareTo(HEAVY) >= 0 ? LARGE_STEP : SMALL_STEP);
            at.reps = prescription.repsMin() == null ? at.reps : prescription.repsMin();
        }
    }

    private static BigDecimal round(BigDecimal kg) {
        return kg.multiply(TWO).setScale(0, RoundingMode.HALF_UP).divide(TWO)
                .setScale(1, RoundingMode.UNNECESSARY);
    }
}
