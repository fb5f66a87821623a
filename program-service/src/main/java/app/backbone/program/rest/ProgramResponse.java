package app.backbone.program.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.backbone.program.domain.Goal;
import app.backbone.program.domain.ProgramStatus;

/** A program as the API shows it: what it was built from and its sessions. */
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
        List<String> notes) {
}
