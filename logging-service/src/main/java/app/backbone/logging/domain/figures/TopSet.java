package app.backbone.logging.domain.figures;

import java.math.BigDecimal;

/** The heaviest working set of a session: its load and, among sets at that load, the most reps. */
public record TopSet(BigDecimal loadKg, int reps) {
}
