package app.backbone.program.rest;

import java.util.List;

import app.backbone.program.domain.Goal;

/** A generated program as {@code POST /programs/preview} answers it: sessions, substitutions and notes. */
public record ProgramPreview(Goal goal, List<SessionPlan> sessions, List<SubstitutionMade> substitutions,
        List<String> notes) {
}
