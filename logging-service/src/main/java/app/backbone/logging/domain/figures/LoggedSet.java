package app.backbone.logging.domain.figures;

import java.math.BigDecimal;

/**
 * One logged set. {@code loadKg} null means unloaded (bodyweight), {@code reps} null means timed work measured in
 * {@code seconds}, {@code rir} null means reps in reserve were not reported.
 */
public record LoggedSet(Integer reps, BigDecimal loadKg, Integer rir, boolean toFailure, Integer seconds,
        boolean warmup) {

    public LoggedSet {
        if (reps != null && reps < 0) {
            throw new IllegalArgumentException("reps must not be negative");
        }
        if (loadKg != null && loadKg.signum() < 0) {
            throw new IllegalArgumentException("loadKg must not be negative");
        }
        if (rir != null && (rir < 0 || rir > 10)) {
            throw new IllegalArgumentException("rir must be between 0 and 10");
        }
        if (seconds != null && seconds < 0) {
            throw new IllegalArgumentException("seconds must not be negative");
        }
    }
}
