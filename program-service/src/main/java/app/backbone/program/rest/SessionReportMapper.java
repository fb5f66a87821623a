package app.backbone.program.rest;

import app.backbone.program.service.AcceptedReport;
import app.backbone.program.service.ReportedSession;

/** Converts between the session report API's records and the service's reported session and accepted report. */
final class SessionReportMapper {

    private SessionReportMapper() {
    }

    static ReportedSession reported(SessionReportRequest request) {
        return new ReportedSession(request.sessionId(), request.completedAt(), request.exercises().stream()
                .map(exercise -> new ReportedSession.ReportedExercise(exercise.exerciseId(), exercise.sets().stream()
                        .map(set -> new ReportedSession.ReportedSet(set.reps(), set.loadKg(), set.rir(),
                                set.toFailure(), set.seconds(), set.warmup()))
                        .toList()))
                .toList(), request.week(), request.sessionIndex());
    }

    static SessionReportResponse response(AcceptedReport accepted) {
        return new SessionReportResponse(accepted.eventId(), accepted.sessionId(), accepted.programId(),
                accepted.memberId(), accepted.exercises(), accepted.sets(), accepted.week(), accepted.sessionIndex());
    }
}
