package app.backbone.program.rest;

import java.time.Instant;
import java.util.UUID;

import app.backbone.program.domain.Goal;
import app.backbone.program.domain.Program;
import app.backbone.program.domain.ProgramStatus;

/** A program as the API shows it. */
public record ProgramResponse(UUID id, String memberId, Goal goal, ProgramStatus status, Instant createdAt) {

    static ProgramResponse from(Program p) {
        return new ProgramResponse(p.id, p.memberId, p.goal, p.status, p.createdAt);
    }
}
