package app.backbone.program.rest;

import java.time.Instant;
import java.util.UUID;

import app.backbone.program.domain.Goal;
import app.backbone.program.domain.ProgramStatus;

/** A program in a list: enough to pick one. */
public record ProgramSummary(UUID id, String memberId, Goal goal, String weakPoint, ProgramStatus status,
        Instant createdAt) {
}
