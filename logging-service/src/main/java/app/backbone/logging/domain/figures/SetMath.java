package app.backbone.logging.domain.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The per-set rules of DESIGN.md "Volume and progression". Every kilogram figure leaves this package with
 * {@link #KG_SCALE} decimals, rounded {@link RoundingMode#HALF_UP} once, at the end of its computation.
 */
public final class SetMath {

    /** Decimals of every kilogram figure (loads, tonnage, e1RM, next load). */
    public static final int KG_SCALE = 2;

    /** Reps plus reps in reserve above which an e1RM estimate is not made. */
    public static final int E1RM_MAX_REPS_PLUS_RIR = 12;

    private static final BigDecimal THIRTY = BigDecimal.valueOf(30);

    private SetMath() {
    }

    /** A working set is any set not flagged as warm-up. */
    public static boolean isWorking(LoggedSet set) {
        return !set.warmup();
    }

    /**
     * The effort half of the hard-set rule: a working set taken to failure, or with rir at most 3, or with no rir
     * reported. It is a hard set when its exercise is strength work ({@link ExerciseFacts#makesHardSets()}).
     */
    public static boolean isHardEffort(LoggedSet set) {
        return isWorking(set) && (set.toFailure() || set.rir() == null || set.rir() <= 3);
    }

    /** A set is loaded when it carries a load above zero. */
    public static boolean isLoaded(LoggedSet set) {
        return set.loadKg() != null && set.loadKg().signum() > 0;
    }

    /**
     * Volume load of one set, unrounded: {@code reps * loadKg} for a working set; zero for warm-ups, unloaded
     * sets and timed sets without reps.
     */
    public static BigDecimal tonnageKg(LoggedSet set) {
        if (!isWorking(set) || !isLoaded(set) || set.reps() == null) {
            return BigDecimal.ZERO;
        }
        return set.loadKg().multiply(BigDecimal.valueOf(set.reps()));
    }

    /** Reps a set adds to the week: its reps when working, otherwise (warm-up or timed) zero. */
    public static int reps(LoggedSet set) {
        return isWorking(set) && set.reps() != null ? set.reps() : 0;
    }

    /**
     * Estimated one-rep max, Epley adjusted for reps in reserve: {@code loadKg * (1 + (reps + rir) / 30)}, rir
     * taken as 0 when absent. Only for loaded working sets with {@code 1 <= reps} and
     * {@code reps + rir <= 12}; null otherwise. A single at rir 0 (or with no rir) is its load.
     */
    public static BigDecimal e1rmKg(LoggedSet set) {
        if (!isWorking(set) || !isLoaded(set) || set.reps() == null || set.reps() < 1) {
            return null;
        }
        int rir = set.rir() == null ? 0 : set.rir();
        int effort = set.reps() + rir;
        if (effort > E1RM_MAX_REPS_PLUS_RIR) {
            return null;
        }
        if (effort == 1) {
            return kg(set.loadKg());
        }
        return set.loadKg().multiply(BigDecimal.valueOf(30L + effort))
                .divide(THIRTY, KG_SCALE, RoundingMode.HALF_UP);
    }

    /** A kilogram figure at the package's scale. */
    public static BigDecimal kg(BigDecimal value) {
        return value == null ? null : value.setScale(KG_SCALE, RoundingMode.HALF_UP);
    }
}
