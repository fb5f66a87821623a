package app.backbone.program.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.backbone.program.domain.generator.BlockType;
import app.backbone.program.domain.generator.Prescription;

/**
 * A member's next session of a program, resolved: its place in the cycle, every prescription with the load to use
 * and why, what was learned about the member's progress and how old that is, and notes.
 */
public record NextSession(UUID programId, String memberId, int week, boolean deload, int sessionIndex, String name,
        List<LoadedBlock> blocks, LearnedProgress progress, List<String> notes) {

    /** A block of the session with its loaded prescriptions. */
    public record LoadedBlock(BlockType type, String note, List<Loaded> prescriptions) {
    }

    /** A prescription with its load: null when none applies or nothing is known yet, and the reason either way. */
    public record Loaded(Prescription prescription, BigDecimal loadKg, String loadReason) {
    }

    /**
     * The member's progress the loads come from, null fields when nothing was learned yet; {@code stale} when a
     * session reported since is not in it yet.
     */
    public record LearnedProgress(Long revision, Instant computedAt, Long ageSeconds, boolean stale) {
    }
}
