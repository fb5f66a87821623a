package app.backbone.system;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A session a member completed, as the tests send it: to program-service as a session report, or straight to
 * {@code training.sessions.completed} as a chain's own system would.
 */
public record CompletedSession(String memberId, String sessionId, Instant completedAt, List<Entry> exercises) {

    /** The completed-session topic. */
    public static final String TOPIC = "training.sessions.completed";

    /** One exercise of the session; the prescription is what the program said, null when none. */
    public record Entry(String exerciseId, Prescription prescription, List<SetDone> sets) {
    }

    /** What a program prescribed: sets and the rep range (repsMax null = open-ended). */
    public record Prescription(int sets, Integer repsMin, Integer repsMax) {
    }

    /** One set as performed. */
    public record SetDone(Integer reps, BigDecimal loadKg, Integer rir, boolean toFailure, Integer seconds,
            boolean warmup) {

        /** A working rep set at a load, with reps in reserve (null for none reported). */
        public static SetDone work(int reps, String loadKg, Integer rir) {
            return new SetDone(reps, loadKg == null ? null : new BigDecimal(loadKg), rir, false, null, false);
        }

        public static SetDone toFailure(int reps, String loadKg) {
            return new SetDone(reps, loadKg == null ? null : new BigDecimal(loadKg), null, true, null, false);
        }

        public static SetDone warmup(int reps, String loadKg) {
            return new SetDone(reps, loadKg == null ? null : new BigDecimal(loadKg), null, false, null, true);
        }
    }

    /** The body of {@code POST /programs/{id}/sessions}. */
    public Map<String, Object> report() {
        List<Map<String, Object>> done = new ArrayList<>();
        for (Entry entry : exercises) {
            done.add(Map.of("exerciseId", entry.exerciseId(), "sets", entry.sets()));
        }
        return Map.of("sessionId", sessionId, "completedAt", completedAt.toString(), "exercises", done);
    }

    /** The {@code training.sessions.completed} event, schema version 1. */
    public Map<String, Object> event(UUID eventId, String tenant, UUID programId) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", eventId.toString());
        event.put("schemaVersion", 1);
        event.put("occurredAt", Instant.now().toString());
        event.put("tenantId", tenant);
        event.put("memberId", memberId);
        event.put("sessionId", sessionId);
        event.put("programId", programId == null ? null : programId.toString());
        event.put("completedAt", completedAt.toString());
        event.put("exercises", exercises);
        return event;
    }

    /** This session as program-service publishes it for a program with these prescriptions. */
    public CompletedSession prescribedBy(Map<String, Prescription> program) {
        return new CompletedSession(memberId, sessionId, completedAt, exercises.stream()
                .map(e -> new Entry(e.exerciseId(), program.get(e.exerciseId()), e.sets())).toList());
    }
}
