package app.backbone.program.domain.generator;

import java.util.Collections;
import java.util.Set;

import app.backbone.program.domain.Goal;

/**
 * What the generator builds a program for. {@code weakPoint} may be null; {@code equipment} null means a full gym,
 * otherwise the listed equipment plus the {@link #PERSONAL_ITEMS}; {@code conditions} null means none. The focus
 * fields may be null (the default); {@code weeks} is the length of the cycle.
 */
public record ProgramSpec(Goal goal, WeakPoint weakPoint, Set<Equipment> equipment, Set<Condition> conditions,
        int sessionsPerWeek, boolean includeSuperset, boolean includeArms, MobilityFocus mobilityFocus,
        ArmsFocus armsFocus, SupersetStart supersetStart, int weeks) {

    /** Cycles run from 1 to this many weeks. */
    public static final int MAX_WEEKS = 16;

    /** The cycle length when none is asked for. */
    public static final int DEFAULT_WEEKS = 4;

    /**
     * What every member has or brings, listed or not: bodyweight, a wall, and a massage ball, which is any firm ball
     * such as a tennis ball (not gym equipment, so rarely on a gym's list).
     */
    public static final Set<Equipment> PERSONAL_ITEMS = Set.of(Equipment.BODYWEIGHT, Equipment.WALL,
            Equipment.MASSAGE_BALL);

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

    /** Whether the member has the piece of equipment, or brings it as a personal item. */
    public boolean has(Equipment item) {
        return equipment == null || PERSONAL_ITEMS.contains(item) || equipment.contains(item);
    }

    /** Whether the member may do the exercise: has all it needs and no condition it is contraindicated for. */
    public boolean allows(CatalogEntry entry) {
        return entry.equipment().stream().allMatch(this::has)
                && Collections.disjoint(entry.contraindications(), conditions);
    }

    /** Whether the member must bring the item: a personal item that is not on the listed equipment. */
    public boolean brings(Equipment item) {
        return equipment != null && item == Equipment.MASSAGE_BALL && !equipment.contains(item);
    }

    /** The arm work of the arms add-on: as asked, else both biceps and triceps. */
    public ArmsFocus armsFocusOrDefault() {
        return armsFocus == null ? ArmsFocus.BOTH : armsFocus;
    }

    /** The superset's first exercise: as asked, else the pulldown when the lats are the weak point, else the row. */
    public SupersetStart supersetStartOrDefault() {
        if (supersetStart != null) {
            return supersetStart;
        }
        return weakPoint == WeakPoint.LATS ? SupersetStart.PULLDOWN : SupersetStart.ROW;
    }
}
