package app.backbone.logging.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A record of {@value ProgressTopics#MEMBER_PROGRESS} (schema version 1, {@code contracts/training.member-progress
 * .schema.json}, held to it by {@code ProgressContractTest}): a member's current progress, rendered by the outbox
 * relay from what was committed when it sent it; a consumer keeps the highest {@code revision}.
 */
public record MemberProgress(int schemaVersion, String tenantId, String memberId, long revision, Instant computedAt,
        PullPush pullPush, List<ExerciseProgress> exercises) {

    /** The schema version this record follows. */
    public static final int SCHEMA_VERSION = 1;

    /** Hard sets of pulling and pushing patterns over the four ISO weeks {@code fromWeek} to {@code toWeek}. */
    public record PullPush(String fromWeek, String toWeek, int pullHardSets, int pushHardSets) {
    }

    /** Where the member stands on one exercise: the recommendation for the next session and the latest facts. */
    public record ExerciseProgress(String exerciseId, String action, BigDecimal nextLoadKg, String reason,
            BigDecimal lastLoadKg, BigDecimal bestE1rmKg, Instant lastCompletedAt) {
    }
}
