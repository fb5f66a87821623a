package app.backbone.program.domain.generator;

import java.util.List;
import java.util.Optional;

import app.backbone.program.domain.Goal;

/**
 * A generated program: {@code sessions} is the first week, {@code cycle} every week of it resolved (the last one a
 * deload week when the cycle has 4 weeks or more), with what had to be substituted or left out, guidance and the
 * trainer's swaps. A plan stored before cycles existed reads as a one-week cycle of its sessions.
 */
public record GeneratedProgram(Goal goal, List<PlannedSession> sessions, List<Substitution> substitutions,
        List<String> notes, int weeks, List<PlannedWeek> cycle, List<Swap> swaps) {

    public GeneratedProgram {
        sessions = List.copyOf(sessions);
        substitutions = List.copyOf(substitutions);
        notes = List.copyOf(notes);
        if (cycle == null || cycle.isEmpty()) {
            cycle = List.of(new PlannedWeek(1, false, sessions));
        }
        cycle = List.copyOf(cycle);
        weeks = cycle.size();
        swaps = swaps == null ? List.of() : List.copyOf(swaps);
    }

    /** A one-week program. */
    public GeneratedProgram(Goal goal, List<PlannedSession> sessions, List<Substitution> substitutions,
            List<String> notes) {
        this(goal, sessions, substitutions, notes, 1, null, null);
    }

    /** The session at 1-based week and position in the week. */
    public Optional<PlannedSession> session(int week, int sessionIndex) {
        return week >= 1 && week <= cycle.size() ? cycle.get(week - 1).session(sessionIndex) : Optional.empty();
    }

    /** Sessions in each week. */
    public int sessionsPerWeek() {
        return sessions.size();
    }

    /** The program as plain text: sessions, blocks, one line per exercise, then substitutions and notes. */
    public String toText() {
        StringBuilder text = new StringBuilder(goal.name()).append(" program\n");
        for (PlannedSession session : sessions) {
            text.append('\n').append(session.name()).append('\n');
            for (Block block : session.blocks()) {
                text.append("  ").append(block.type());
                if (block.note() != null) {
                    text.append(" (").append(block.note()).append(')');
                }
                text.append('\n');
                block.prescriptions().forEach(p -> text.append("    ").append(p.toText()).append('\n'));
            }
        }
        if (!substitutions.isEmpty()) {
            text.append("\nSubstitutions\n");
            substitutions.forEach(s -> text.append("  - ").append(s.slot()).append(": ").append(s.reason())
                    .append('\n'));
        }
        if (!notes.isEmpty()) {
            text.append("\nNotes\n");
            notes.forEach(note -> text.append("  - ").append(note).append('\n'));
        }
        return text.toString();
    }
}
