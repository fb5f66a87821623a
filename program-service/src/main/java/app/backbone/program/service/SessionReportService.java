package app.backbone.program.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.exception.ConstraintViolationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.backbone.common.ProblemException;
import app.backbone.common.ProblemTypes;
import app.backbone.common.catalog.CatalogExercise;
import app.backbone.common.outbox.Outbox;
import app.backbone.program.config.ProgramConfig;
import app.backbone.program.domain.Program;
import app.backbone.program.domain.ProgramStatus;
import app.backbone.program.domain.SessionPosition;
import app.backbone.program.domain.SessionReport;
import app.backbone.program.domain.generator.GeneratedProgram;
import app.backbone.program.domain.generator.PlannedSession;
import app.backbone.program.domain.generator.Prescription;
import app.backbone.program.messaging.SessionCompleted;
import app.backbone.program.messaging.SessionTopics;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Turns a session report into a {@link SessionCompleted} event, stored in the outbox in the same transaction as
 * the idempotency record, so the answer is given only once the event is durably on its way and a retry with the
 * same key gets the same answer without a second event, even when it arrives while the first is being stored.
 */
@ApplicationScoped
public class SessionReportService {

    private final Outbox outbox;
    private final ProgramService programs;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Duration clockSkew;

    public SessionReportService(Outbox outbox, ProgramService programs, ObjectMapper mapper, Clock clock,
            ProgramConfig config) {
        this.outbox = outbox;
        this.programs = programs;
        this.mapper = mapper;
        this.clock = clock;
        this.clockSkew = config.sessionReports().clockSkew();
    }

    /**
     * Accepts the report, or answers as the first time for a retry of an accepted one. When a concurrent request
     * with the same key commits first, this one fails on the idempotency record's key and is answered as its retry.
     */
    public AcceptedReport report(String tenant, UUID programId, String idempotencyKey, ReportedSession session) {
        String key = idempotencyKey != null ? idempotencyKey : session.sessionId() == null ? null
                : "session:" + session.sessionId();
        if (key == null) {
            throw ProblemException.invalid(
                    "Send an Idempotency-Key header or a sessionId, so that a retry cannot count the session twice.",
                    "sessionId", "required without an Idempotency-Key header");
        }
        String sessionId = session.sessionId() != null ? session.sessionId()
                : UUID.nameUUIDFromBytes((tenant + "\n" + key).getBytes(StandardCharsets.UTF_8)).toString();
        String fingerprint = fingerprint(programId, session);
        try {
            return QuarkusTransaction.requiringNew().call(() -> SessionReport.find(tenant, key)
                    .map(previous -> replay(previous, fingerprint))
                    .orElseGet(() -> accept(tenant, programId, key, sessionId, fingerprint, session)));
        } catch (ConstraintViolationException e) {
            if (!SessionReport.isDuplicate(e)) {
                throw e;
            }
            return QuarkusTransaction.requiringNew().call(() -> replayOrRefuse(tenant, key, sessionId, fingerprint));
        }
    }

    private AcceptedReport accept(String tenant, UUID programId, String key, String sessionId, String fingerprint,
            ReportedSession session) {
        Program program = Program.lockOwned(programId, tenant)
                .orElseThrow(() -> ProblemException.notFound("No program '" + programId + "'."));
        if (program.status != ProgramStatus.ACTIVE) {
            throw ProblemException.conflict(
                    "Program '" + programId + "' is archived; report sessions against an active program.");
        }
        Instant now = clock.instant();
        if (session.completedAt().isAfter(now.plus(clockSkew))) {
            throw invalid("completedAt", "must not be in the future");
        }
        if (SessionReport.sessionTaken(tenant, sessionId)) {
            return replayOrRefuse(tenant, key, sessionId, fingerprint);
        }
        GeneratedProgram plan = programs.plan(program);
        SessionPosition position = position(program, plan, session);
        SessionCompleted event = new SessionCompleted(UUID.randomUUID(), SessionCompleted.SCHEMA_VERSION, now,
                tenant, program.memberId, sessionId, program.id, session.completedAt(),
                exercises(tenant, session, plan == null ? null
                        : plan.session(position.week(), position.sessionIndex()).orElse(null)));
        outbox.add(SessionTopics.COMPLETED, program.memberId, event, now);

        AcceptedReport accepted = new AcceptedReport(event.eventId(), sessionId, program.id, program.memberId,
                event.exercises().size(), event.exercises().stream().mapToInt(e -> e.sets().size()).sum(),
                position.week(), position.sessionIndex());
        SessionReport record = new SessionReport();
        record.key = new SessionReport.Key(tenant, key);
        record.sessionId = sessionId;
        record.programId = program.id;
        record.eventId = event.eventId();
        record.week = position.week();
        record.sessionIndex = position.sessionIndex();
        record.fingerprint = fingerprint;
        record.response = write(accepted);
        record.createdAt = now;
        // Flushed here, so that a report stored concurrently under the same key fails this call, not the commit.
        record.persistAndFlush();
        return accepted;
    }

    /**
     * The session the report is judged against: the one it names, and for what it leaves out the program's next
     * session (the one after the session reported last; after the cycle's last session a new cycle starts).
     */
    private static SessionPosition position(Program program, GeneratedProgram plan, ReportedSession session) {
        int weeks = CyclePositions.weeks(program, plan);
        int perWeek = CyclePositions.sessionsPerWeek(program, plan);
        SessionPosition next = CyclePositions.next(program, plan);
        int week = session.week() == null ? next.week() : session.week();
        if (week > weeks) {
            throw unprocessable("week", weeks, "weeks in its cycle");
        }
        int sessionIndex = session.sessionIndex() != null ? session.sessionIndex()
                : week == next.week() ? next.sessionIndex() : 1;
        if (sessionIndex > perWeek) {
            throw unprocessable("sessionIndex", perWeek, "sessions a week");
        }
        return new SessionPosition(week, sessionIndex);
    }

    private static ProblemException unprocessable(String field, int count, String what) {
        String message = count == 1 ? "must be 1" : "must be one of: " + String.join(", ",
                IntStream.rangeClosed(1, count).mapToObj(String::valueOf).toList());
        return ProblemException.unprocessable(field + " " + message + ": the program has " + count + " " + what + ".",
                field, message);
    }

    /** For a session already reported: the answer given if it was under this key (committed since), else 409. */
    private AcceptedReport replayOrRefuse(String tenant, String key, String sessionId, String fingerprint) {
        return SessionReport.find(tenant, key).map(previous -> replay(previous, fingerprint))
                .orElseThrow(() -> ProblemException.conflict(
                        "Session '" + sessionId + "' was already reported under another Idempotency-Key."));
    }

    private AcceptedReport replay(SessionReport previous, String fingerprint) {
        if (!previous.fingerprint.equals(fingerprint)) {
            throw new ProblemException(422, ProblemTypes.CONFLICT, "Idempotency key reused",
                    "This Idempotency-Key (or sessionId) was used for a different report; use a new key.");
        }
        try {
            return mapper.readValue(previous.response, AcceptedReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored answer", e);
        }
    }

    private List<SessionCompleted.ExerciseDone> exercises(String tenant, ReportedSession session,
            PlannedSession planned) {
        Map<String, CatalogExercise> catalog = CatalogExercise.usableBy(tenant).stream()
                .collect(Collectors.toMap(e -> e.id, Function.identity()));
        Map<String, Prescription> prescribed = planned == null ? Map.of() : planned.prescriptions().stream()
                .collect(Collectors.toMap(Prescription::exerciseId, Function.identity(), (first, other) -> first));
        List<SessionCompleted.ExerciseDone> done = new ArrayList<>();
        for (int i = 0; i < session.exercises().size(); i++) {
            ReportedSession.ReportedExercise reported = session.exercises().get(i);
            CatalogExercise exercise = catalog.get(reported.exerciseId());
            if (exercise == null) {
                throw invalid("exercises[" + i + "].exerciseId",
                        "'" + reported.exerciseId() + "' is not an exercise of your catalog");
            }
            boolean timed = exercise.measure.startsWith("SECONDS");
            List<SessionCompleted.SetDone> sets = new ArrayList<>();
            for (int j = 0; j < reported.sets().size(); j++) {
                ReportedSession.ReportedSet set = reported.sets().get(j);
                if (timed && set.seconds() == null) {
                    throw invalid("exercises[" + i + "].sets[" + j + "].seconds", "is timed work: give seconds");
                }
                if (!timed && set.reps() == null) {
                    throw invalid("exercises[" + i + "].sets[" + j + "].reps", "is rep work: give reps");
                }
                sets.add(new SessionCompleted.SetDone(set.reps(), set.loadKg(), set.rir(),
                        Boolean.TRUE.equals(set.toFailure()), set.seconds(), Boolean.TRUE.equals(set.warmup())));
            }
            Prescription p = prescribed.get(exercise.id);
            done.add(new SessionCompleted.ExerciseDone(exercise.id,
                    p == null ? null : new SessionCompleted.Prescribed(p.sets(), p.repsMin(), p.repsMax()), sets));
        }
        return done;
    }

    /** SHA-256 of the program id and the report's JSON, to tell a retry from a different report under one key. */
    private String fingerprint(UUID programId, ReportedSession session) {
        try {
            byte[] canonical = mapper.writeValueAsBytes(new Object[] {programId.toString(), session});
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not fingerprint a report", e);
        }
    }

    private String write(AcceptedReport accepted) {
        try {
            return mapper.writeValueAsString(accepted);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise an answer", e);
        }
    }

    /** A field error whose detail is the field and the message, as session reports have always answered. */
    private static ProblemException invalid(String field, String message) {
        return ProblemException.invalid(field + " " + message + ".", field, message);
    }
}
