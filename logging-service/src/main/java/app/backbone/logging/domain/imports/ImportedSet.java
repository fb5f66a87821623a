package app.backbone.logging.domain.imports;

import java.math.BigDecimal;

/** One set as read from a file; {@code line} is its physical line, {@code loadKg} null when there is no load. */
public record ImportedSet(long line, Integer reps, BigDecimal loadKg, Integer rir, boolean toFailure, Integer seconds,
        boolean warmup) {
}
