package app.backbone.program.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.backbone.program.domain.generator.BlockType;

/** The member's next session of a program, resolved, with the loads to use. */
public record NextSessionResponse(
        UUID programId,
        String memberId,
        @Schema(description = "Week of the cycle, 1-based") int week,
        @Schema(description = "Whether it is the cycle's deload week") boolean deload,
        @Schema(description = "Position of the session in its week (1 = session A)") int sessionIndex,
        String name,
        List<Block> blocks,
        @Schema(description = "The member's progress the loads come from, as learned from logging-service")
        Progress progress,
        List<String> notes) {

    /** A block of the session. */
    public record Block(BlockType type, String note, List<LoadedPrescription> prescriptions) {
    }

    /** A prescription with the load to use: null when none applies or nothing is known yet; the reason either way. */
    public record LoadedPrescription(String exerciseId, String name, int sets, Integer setsMax, Integer repsMin,
            Integer repsMax, Integer seconds, Integer secondsMax, boolean perSide, int restSeconds, boolean toFailure,
            Integer targetRir, String rationale, BigDecimal loadKg, String loadReason) {
    }

    /**
     * What was learned: its revision and when logging-service computed it (null when nothing yet), how many seconds
     * ago, and whether a session reported since is not in it yet.
     */
    public record Progress(Long revision, Instant computedAt, Long ageSeconds, boolean stale) {
    }
}
