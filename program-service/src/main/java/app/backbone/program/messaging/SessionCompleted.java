package app.backbone.program.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A member completed a training session: what was done, with the prescription of each exercise when it came from
 * the program. Published on {@value SessionTopics#COMPLETED}; documented by
 * {@code contracts/training.sessions.completed.schema.json}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
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

    public static final int SCHEMA_VERSION = 1;

    /** One exercise of the session. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExerciseDone(String exerciseId, Prescribed prescription, List<SetDone> sets) {
    }

    /** What the program prescribed for the exercise. */
    public record Prescribed(int sets, Integer repsMin, Integer repsMax) {
    }

    /** One set as performed. */
    public record SetDone(Integer reps, BigDecimal loadKg, Integer rir, boolean toFailure, Integer seconds,
            boolean warmup) {
    }
}
