package app.backbone.program.service;

import app.backbone.program.domain.Program;
import app.backbone.program.domain.SessionPosition;
import app.backbone.program.domain.SessionReport;
import app.backbone.program.domain.generator.GeneratedProgram;

/** Where a member is in a program's cycle, following the sessions reported against it. */
final class CyclePositions {

    private CyclePositions() {
    }

    static int weeks(Program program, GeneratedProgram plan) {
        return plan == null ? program.weeks : plan.weeks();
    }

    static int sessionsPerWeek(Program program, GeneratedProgram plan) {
        return plan == null ? program.sessionsPerWeek : plan.sessionsPerWeek();
    }

    /**
     * The program's next session: the one after the session reported last (in the order reports arrived), the
     * first when none was; after the cycle's last session a new cycle starts.
     */
    static SessionPosition next(Program program, GeneratedProgram plan) {
        return SessionReport.latestOf(program.id)
                .map(last -> new SessionPosition(last.week, last.sessionIndex)
                        .next(weeks(program, plan), sessionsPerWeek(program, plan)))
                .orElse(SessionPosition.FIRST);
    }
}
