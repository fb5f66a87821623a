package app.backbone.program.domain.generator;

import java.util.List;

import app.backbone.program.domain.Goal;

/** A generated week of training: its sessions, what had to be substituted or left out, and guidance. */
public record GeneratedProgram(Goal goal, List<PlannedSession> sessions, List<Substitution> substitutions,
        List<String> notes) {

    public GeneratedProgram {
        sessions = List.copyOf(sessions);
        substitutions = List.copyOf(substitutions);
        notes = List.copyOf(notes);
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
