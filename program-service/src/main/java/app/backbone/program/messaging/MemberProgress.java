package app.backbone.program.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * program-service's copy of a {@code training.member-progress} record (logging-service's schema
 * {@code training.member-progress.schema.json}, held equal by a contract test): a member's current progress, the
 * newest state per member winning by {@code revision}.
 */
public record MemberProgress(int schemaVersion, String tenantId, String memberId, long revision, Instant computedAt,
        PullPush pullPush, List<ExerciseProgress> exercises) {

    /** Hard sets of pulling and pushing patterns over four ISO weeks, {@code fromWeek} to {@code toWeek}. */
    public record PullPush(String fromWeek, String toWeek, BigDecimal pullHardSets, BigDecimal pushHardSets) {
    }

    /** Where the member stands on one exercise: the recommendation for the next session and the latest facts. */
    public record ExerciseProgress(String exerciseId, String action, BigDecimal nextLoadKg, String reason,
            BigDecimal lastLoadKg, BigDecimal bestE1rmKg, Instant lastCompletedAt) {
    }
}
