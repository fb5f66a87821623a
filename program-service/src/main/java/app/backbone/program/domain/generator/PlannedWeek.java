package app.backbone.program.domain.generator;

import java.util.List;
import java.util.Optional;

/** One week of a program's cycle, its sessions resolved; {@code week} is 1-based. */
public record PlannedWeek(int week, boolean deload, List<PlannedSession> sessions) {

    public PlannedWeek {
        sessions = List.copyOf(sessions);
    }

    /** The session at the 1-based position in the week. */
    public Optional<PlannedSession> session(int sessionIndex) {
        return sessionIndex >= 1 && sessionIndex <= sessions.size() ? Optional.of(sessions.get(sessionIndex - 1))
                : Optional.empty();
    }
}
