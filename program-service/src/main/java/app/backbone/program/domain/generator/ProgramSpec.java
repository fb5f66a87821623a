package app.backbone.program.domain.generator;

import java.util.Set;

import app.backbone.program.domain.Goal;

/**
 * What the generator builds a program for. {@code weakPoint} may be null; {@code equipment} null means a full gym,
 * otherwise the listed equipment plus bodyweight and a wall; {@code conditions} null means none.
 */
public record ProgramSpec(Goal goal, WeakPoint weakPoint, Set<Equipment> equipment, Set<Condition> conditions,
        int sessionsPerWeek, boolean includeSuperset, boolean includeArms) {

    public ProgramSpec {
        equipment = equipment == null ? null : Set.copyOf(equipment);
        conditions = conditions == null ? Set.of() : Set.copyOf(conditions);
    }

    /** Whether the member has the piece of equipment. */
    public boolean has(Equipment item) {
        return equipment == null || item == Equipment.BODYWEIGHT || item == Equipment.WALL || equipment.contains(item);
    }
}
