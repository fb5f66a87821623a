package app.backbone.program.rest;

import java.util.List;

import app.backbone.program.domain.Goal;

/**
 * A generated program as {@code POST /programs/preview} answers it: the first week's sessions, every week of the
 * cycle, substitutions and notes.
 */
public record ProgramPreview(Goal goal, int weeks, List<SessionPlan> sessions, List<WeekPlan> cycle,
        List<SubstitutionMade> substitutions, List<String> notes) {
}
