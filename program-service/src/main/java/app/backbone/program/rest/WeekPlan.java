package app.backbone.program.rest;

import java.util.List;

/** One week of a program's cycle with its sessions in order; a deload week halves the work. */
public record WeekPlan(int week, boolean deload, List<SessionPlan> sessions) {
}
