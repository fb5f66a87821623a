package app.backbone.program.domain.generator;

import java.util.Set;

import app.backbone.program.domain.Goal;

/**
 * What the generator builds a program for. {@code weakPoint} may be null; {@code equipment} null means a full gym,
 * otherwise the listed equipment plus bodyweight and a wall; {@code conditions} null means none. The focus fields
 * may be null (the template's default); {@code weeks} is the length of the cycle.
 */
public record ProgramSpec(Goal goal, WeakPoint weakPoint, Set<Equipment> equipment, Set<Condition> conditions,
        int sessionsPerWeek, boolean includeSuperset, boolean includeArms, MobilityFocus mobilityFocus,
        ArmsFocus armsFocus, SupersetStart supersetStart, int weeks) {

    /** Cycles run from 1 to this many weeks. */
    public static final int MAX_WEEKS = 16;

    /** The cycle length when none is asked for. */
    public static final int DEFAULT_WEEKS = 4;

    public ProgramSpec {
        equipment = equipment == null ? null : Set.copyOf(equipment);
        conditions = conditions == null ? Set.of() : Set.copyOf(conditions);
    }

    /** A spec without focus choices over the default cycle. */
    public ProgramSpec(Goal goal, WeakPoint weakPoint, Set<Equipment> equipment, Set<Condition> conditions,
            int sessionsPerWeek, boolean includeSuperset, boolean includeArms) {
        this(goal, weakPoint, equipment, conditions, sessionsPerWeek, includeSuperset, includeArms, null, null, null,
                DEFAULT_WEEKS);
    }

    /** Whether the member has the piece of equipment. */
    public boolean has(Equipment item) {
        return equipment == null || item == Equipment.BODYWEIGHT || item == Equipment.WALL || equipment.contains(item);
    }
}
