package app.backbone.logging.domain.figures;

import java.math.BigDecimal;
import java.time.Instant;

/** A record value and the session that first set it (on a tie, the earlier session keeps the record). */
public record Best(BigDecimal kg, String sessionId, Instant completedAt) {

    /** The better of two, null-safe: the higher value, or on equal values the earlier session. */
    static Best better(Best current, Best candidate) {
        if (current == null) {
            return candidate;
        }
        if (candidate == null) {
            return current;
        }
        int byValue = candidate.kg.compareTo(current.kg);
        if (byValue != 0) {
            return byValue > 0 ? candidate : current;
        }
        int byTime = candidate.completedAt.compareTo(current.completedAt);
        if (byTime != 0) {
            return byTime < 0 ? candidate : current;
        }
        return candidate.sessionId.compareTo(current.sessionId) < 0 ? candidate : current;
    }
}
