package app.backbone.logging.domain.figures;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A completed session as the figures see it. */
public record LoggedSession(String sessionId, Instant completedAt, List<LoggedExercise> exercises) {

    public LoggedSession {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(completedAt, "completedAt");
        exercises = List.copyOf(exercises);
    }

    /** The ISO week the session belongs to (UTC). */
    public IsoWeek week() {
        return IsoWeek.of(completedAt);
    }
}
