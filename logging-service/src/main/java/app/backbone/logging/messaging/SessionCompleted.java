package app.backbone.logging.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * logging-service's copy of the completed-session event (schema version 1) that program-service documents in
 * {@code contracts/training.sessions.completed.schema.json}; {@code SessionCompletedContractTest} holds its fields
 * to that schema, and {@link SessionValidator} reads records into it, applying the schema's rules in code. Its
 * exercises are stored as they came, in this shape.
 */
public record SessionCompleted(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String tenantId,
        String memberId,
        String sessionId,
        UUID programId,
        Instant completedAt,
        List<ExerciseDone> exercises) {

    /** One exercise of the session. */
    public record ExerciseDone(String exerciseId, Prescribed prescription, List<SetDone> sets) {
    }

    /** What the program prescribed for the exercise; {@code repsMax} null is open-ended. */
    public record Prescribed(int sets, Integer repsMin, Integer repsMax) {
    }

    /** One set as performed. */
    public record SetDone(Integer reps, BigDecimal loadKg, Integer rir,
            @JsonProperty(required = true) boolean toFailure, Integer seconds,
            @JsonProperty(required = true) boolean warmup) {
    }
}
