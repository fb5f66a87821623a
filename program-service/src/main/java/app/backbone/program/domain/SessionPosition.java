package app.backbone.program.domain;

/** Where a session sits in a program's cycle: its week and its position in the week, both 1-based. */
public record SessionPosition(int week, int sessionIndex) {

    /** The first session of a cycle. */
    public static final SessionPosition FIRST = new SessionPosition(1, 1);

    /** The session after this one; after the cycle's last session a new cycle starts. */
    public SessionPosition next(int weeks, int sessionsPerWeek) {
        if (sessionIndex < sessionsPerWeek) {
            return new SessionPosition(week, sessionIndex + 1);
        }
        return week < weeks ? new SessionPosition(week + 1, 1) : FIRST;
    }
}
