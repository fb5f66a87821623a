package app.backbone.program.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.backbone.program.domain.Goal;
import app.backbone.program.domain.Program;
import app.backbone.program.domain.ProgramStatus;
import app.backbone.program.domain.generator.GeneratedProgram;
import app.backbone.program.domain.generator.PlannedSession;
import app.backbone.program.domain.generator.Substitution;

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
        List<PlannedSession> sessions,
        List<Substitution> substitutions,
        List<String> notes) {

    static ProgramResponse from(Program p, GeneratedProgram plan) {
        return new ProgramResponse(p.id, p.memberId, p.goal, p.weakPoint, p.equipment, p.conditions,
                p.sessionsPerWeek, p.includeSuperset, p.includeArms, p.status, p.createdAt,
                plan == null ? List.of() : plan.sessions(), plan == null ? List.of() : plan.substitutions(),
                plan == null ? List.of() : plan.notes());
    }
}
