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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.backbone.common.Problem;
import app.backbone.common.ProblemException;
import app.backbone.common.ProblemTypes;
import app.backbone.common.outbox.Outbox;
import app.backbone.common.catalog.CatalogExercise;
import app.backbone.program.domain.Program;
import app.backbone.program.domain.ProgramStatus;
import app.backbone.program.domain.SessionReport;
import app.backbone.program.domain.generator.GeneratedProgram;
import app.backbone.program.domain.generator.Prescription;
import app.backbone.program.messaging.SessionCompleted;
import app.backbone.program.messaging.SessionTopics;
import app.backbone.program.rest.SessionReportRequest;
import app.backbone.program.rest.SessionReportResponse;

/**
 * Turns a session report into a {@link SessionCompleted} event, stored in the outbox in the same transaction as
 * the idempotency record, so the answer is given only once the event is durably on its way and a retry with the
 * same key gets the same answer without a second event.
 */
@ApplicationScoped
public class SessionReportService {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Outbox outbox;
    private final ProgramService programs;
    private final ObjectMapper mapper;
    private final Clock clock = Clock.systemUTC();

    public SessionReportService(Outbox outbox, ProgramService programs, ObjectMapper mapper) {
        this.outbox = outbox;
        this.programs = programs;
        this.mapper = mapper;
    }

    /** Accepts the report, or answers as the first time for a retry of an accepted one. */
    @Transactional
    public SessionReportResponse report(String tenant, UUID programId, String idempotencyKey,
            SessionReportRequest request) {
        String key = idempotencyKey != null ? idempotencyKey : request.sessionId() == null ? null
                : "session:" + request.sessionId();
        if (key == null) {
            throw new ProblemException(400, ProblemTypes.VALIDATION, "Invalid request",
                    "Send an Idempotency-Key header or a sessionId, so that a retry cannot count the session twice.",
                    List.of(new Problem.FieldError("sessionId", "required without an Idempotency-Key header")));
        }
        String fingerprint = fingerprint(programId, request);
        var previous = SessionReport.find(tenant, key);
        if (previous.isPresent()) {
            return replay(previous.get(), fingerprint);
        }
        Program program = Program.findOwned(programId, tenant)
                .orElseThrow(() -> ProblemException.notFound("No program '" + programId + "'."));
        if (program.status != ProgramStatus.ACTIVE) {
            throw new ProblemException(409, ProblemTypes.CONFLICT, "Conflict",
                    "Program '" + programId + "' is archived; report sessions against an active program.");
        }
        Instant now = clock.instant();
        if (request.completedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw invalid("completedAt", "must not be in the future");
        }
        String sessionId = request.sessionId() != null ? request.sessionId()
                : UUID.nameUUIDFromBytes((tenant + "\n" + key).getBytes(StandardCharsets.UTF_8)).toString();
        if (SessionReport.sessionTaken(tenant, sessionId)) {
            throw new ProblemException(409, ProblemTypes.CONFLICT, "Conflict",
                    "Session '" + sessionId + "' was already reported under another Idempotency-Key.");
        }
        SessionCompleted event = new SessionCompleted(UUID.randomUUID(), SessionCompleted.SCHEMA_VERSION, now,
                tenant, program.memberId, sessionId, program.id, request.completedAt(),
                exercises(tenant, request, programs.plan(program)));
        outbox.add(SessionTopics.COMPLETED, program.memberId, event, now);

        SessionReportResponse response = new SessionReportResponse(event.eventId(), sessionId, program.id,
                program.memberId, event.exercises().size(),
                event.exercises().stream().mapToInt(e -> e.sets().size()).sum());
        SessionReport record = new SessionReport();
        record.key = new SessionReport.Key(tenant, key);
        record.sessionId = sessionId;
        record.programId = program.id;
        record.eventId = event.eventId();
        record.fingerprint = fingerprint;
        record.response = write(response);
        record.createdAt = now;
        record.persist();
        return response;
    }

    /** The answer already given under this key, if the request is the same one. */
    @Transactional
    public SessionReportResponse replay(String tenant, UUID programId, String idempotencyKey,
            SessionReportRequest request) {
        String key = idempotencyKey != null ? idempotencyKey : "session:" + request.sessionId();
        return SessionReport.find(tenant, key).map(r -> replay(r, fingerprint(programId, request)))
                .orElseThrow(() -> new IllegalStateException("No report under " + key));
    }

    private SessionReportResponse replay(SessionReport previous, String fingerprint) {
        if (!previous.fingerprint.equals(fingerprint)) {
            throw new ProblemException(422, ProblemTypes.CONFLICT, "Idempotency key reused",
                    "This Idempotency-Key (or sessionId) was used for a different report; use a new key.");
        }
        try {
            return mapper.readValue(previous.response, SessionReportResponse.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored answer", e);
        }
    }

    private List<SessionCompleted.ExerciseDone> exercises(String tenant, SessionReportRequest request,
            GeneratedProgram plan) {
        Map<String, CatalogExercise> catalog = CatalogExercise.usableBy(tenant).stream()
                .collect(Collectors.toMap(e -> e.id, Function.identity()));
        Map<String, Prescription> prescribed = plan == null ? Map.of() : plan.sessions().stream()
                .flatMap(s -> s.blocks().stream()).flatMap(b -> b.prescriptions().stream())
                .collect(Collectors.toMap(Prescription::exerciseId, Function.identity(), (first, other) -> first));
        List<SessionCompleted.ExerciseDone> done = new ArrayList<>();
        for (int i = 0; i < request.exercises().size(); i++) {
            SessionReportRequest.ExerciseReport reported = request.exercises().get(i);
            CatalogExercise exercise = catalog.get(reported.exerciseId());
            if (exercise == null) {
                throw invalid("exercises[" + i + "].exerciseId",
                        "'" + reported.exerciseId() + "' is not an exercise of your catalog");
            }
            boolean timed = exercise.measure.startsWith("SECONDS");
            List<SessionCompleted.SetDone> sets = new ArrayList<>();
            for (int j = 0; j < reported.sets().size(); j++) {
                SessionReportRequest.SetReport set = reported.sets().get(j);
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

    private String fingerprint(UUID programId, SessionReportRequest request) {
        try {
            byte[] canonical = mapper.writeValueAsBytes(new Object[] {programId.toString(), request});
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not fingerprint a report", e);
        }
    }

    private String write(SessionReportResponse response) {
        try {
            return mapper.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise an answer", e);
        }
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(400, ProblemTypes.VALIDATION, "Invalid request", field + " " + message + ".",
                List.of(new Problem.FieldError(field, message)));
    }
}
