package app.backbone.logging.service;

import java.time.Instant;
import java.util.List;

import app.backbone.logging.domain.figures.LoggedExercise;
import app.backbone.logging.domain.figures.LoggedSession;
import app.backbone.logging.domain.figures.LoggedSet;
import app.backbone.logging.domain.figures.Prescribed;
import app.backbone.logging.messaging.SessionCompleted;

/** The event's view of a session in the figures' vocabulary. */
final class LoggedSessions {

    private LoggedSessions() {
    }

    static LoggedSession of(String sessionId, Instant completedAt,
            List<SessionCompleted.ExerciseDone> exercises) {
        return new LoggedSession(sessionId, completedAt, exercises.stream().map(LoggedSessions::exercise).toList());
    }

    static LoggedSession of(SessionCompleted event) {
        return of(event.sessionId(), event.completedAt(), event.exercises());
    }

    private static LoggedExercise exercise(SessionCompleted.ExerciseDone done) {
        SessionCompleted.Prescribed p = done.prescription();
        return new LoggedExercise(done.exerciseId(), p == null ? null : new Prescribed(p.sets(), p.repsMin(),
                p.repsMax()), done.sets().stream().map(s -> new LoggedSet(s.reps(), s.loadKg(), s.rir(),
                        s.toFailure(), s.seconds(), s.warmup())).toList());
    }
}
