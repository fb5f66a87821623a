package app.backbone.program.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.backbone.program.domain.Goal;
import app.backbone.program.domain.ProgramStatus;
import app.backbone.program.domain.generator.ArmsFocus;
import app.backbone.program.domain.generator.MobilityFocus;
import app.backbone.program.domain.generator.SupersetStart;

/**
 * A program as the API shows it: what it was built from, the first week's sessions, every week of its cycle, and
 * the trainer's swaps; {@code version} goes up with each change (also sent as the ETag).
 */
public record ProgramResponse(
        UUID id,
        String memberId,
        Goal goal,
        String weakPoint,
        List<String> equipment,
        List<String> conditions,
        int sessionsPerWeek,
        boolean includeSuperset,
        boolean includeArms,
        ProgramStatus status,
        Instant createdAt,
        List<SessionPlan> sessions,
        List<SubstitutionMade> substitutions,
        List<String> notes,
        int weeks,
        MobilityFocus mobilityFocus,
        ArmsFocus armsFocus,
        SupersetStart supersetStart,
        long version,
        List<WeekPlan> cycle,
        List<SwapMade> swaps) {
}
