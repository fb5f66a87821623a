package app.backbone.program.domain.generator;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import app.backbone.program.domain.Goal;

/** Test helpers: requests with sensible defaults, the generator with the default templates, and look-ups. */
final class Programs {

    static final ProgramGenerator GENERATOR = new ProgramGenerator(TemplateLibrary.loadDefault());

    static final Set<Equipment> HOME_NO_BARBELL = EnumSet.of(Equipment.DUMBBELL, Equipment.BENCH,
            Equipment.RESISTANCE_BAND, Equipment.PULL_UP_BAR);
    static final Set<Equipment> NO_CABLE = LibraryCatalog.allBut(Equipment.CABLE);
    static final Set<Equipment> BODYWEIGHT_AND_BAND = EnumSet.of(Equipment.BODYWEIGHT, Equipment.RESISTANCE_BAND);

    private Programs() {
    }

    static Request request(Goal goal) {
        return new Request(goal, null, null, Set.of(), 1, false, false, null, null, null, ProgramSpec.DEFAULT_WEEKS);
    }

    /** A request under construction. */
    record Request(Goal goal, WeakPoint weakPoint, Set<Equipment> equipment, Set<Condition> conditions,
            int sessionsPerWeek, boolean includeSuperset, boolean includeArms, MobilityFocus mobilityFocus,
            ArmsFocus armsFocus, SupersetStart supersetStart, int weeks) {

        Request weakPoint(WeakPoint value) {
            return new Request(goal, value, equipment, conditions, sessionsPerWeek, includeSuperset, includeArms,
                    mobilityFocus, armsFocus, supersetStart, weeks);
        }

        Request equipment(Set<Equipment> value) {
            return new Request(goal, weakPoint, value, conditions, sessionsPerWeek, includeSuperset, includeArms,
                    mobilityFocus, armsFocus, supersetStart, weeks);
        }

        Request conditions(Condition... value) {
            return new Request(goal, weakPoint, equipment, Set.of(value), sessionsPerWeek, includeSuperset,
                    includeArms, mobilityFocus, armsFocus, supersetStart, weeks);
        }

        Request sessions(int value) {
            return new Request(goal, weakPoint, equipment, conditions, value, includeSuperset, includeArms,
                    mobilityFocus, armsFocus, supersetStart, weeks);
        }

        Request superset() {
            return new Request(goal, weakPoint, equipment, conditions, sessionsPerWeek, true, includeArms,
                    mobilityFocus, armsFocus, supersetStart, weeks);
        }

        Request arms() {
            return new Request(goal, weakPoint, equipment, conditions, sessionsPerWeek, includeSuperset, true,
                    mobilityFocus, armsFocus, supersetStart, weeks);
        }

        Request mobility(MobilityFocus value) {
            return new Request(goal, weakPoint, equipment, conditions, sessionsPerWeek, includeSuperset, includeArms,
                    value, armsFocus, supersetStart, weeks);
        }

        Request arms(ArmsFocus value) {
            return new Request(goal, weakPoint, equipment, conditions, sessionsPerWeek, includeSuperset, true,
                    mobilityFocus, value, supersetStart, weeks);
        }

        Request supersetStart(SupersetStart value) {
            return new Request(goal, weakPoint, equipment, conditions, sessionsPerWeek, true, includeArms,
                    mobilityFocus, armsFocus, value, weeks);
        }

        Request weeks(int value) {
            return new Request(goal, weakPoint, equipment, conditions, sessionsPerWeek, includeSuperset, includeArms,
                    mobilityFocus, armsFocus, supersetStart, value);
        }

        ProgramSpec build() {
            return new ProgramSpec(goal, weakPoint, equipment, conditions, sessionsPerWeek, includeSuperset,
                    includeArms, mobilityFocus, armsFocus, supersetStart, weeks);
        }

        GeneratedProgram generate() {
            return GENERATOR.generate(build(), LibraryCatalog.catalog());
        }
    }

    /** The prescription filling the slot in the session (0-based), if any. */
    static Optional<Prescription> slot(GeneratedProgram program, int session, String slot) {
        return program.sessions().get(session).prescriptions().stream()
                .filter(p -> slot.equals(p.slot()))
                .findFirst();
    }

    static Prescription required(GeneratedProgram program, int session, String slot) {
        return slot(program, session, slot).orElseThrow(() -> new AssertionError("no " + slot + " in session "
                + session + ":\n" + program.toText()));
    }

    static Block block(PlannedSession session, BlockType type) {
        return session.blocks().stream().filter(b -> b.type() == type).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " block in " + session.name()));
    }

    /** Every session of every week of the cycle, week by week. */
    static List<PlannedSession> allSessions(GeneratedProgram program) {
        return program.cycle().stream().flatMap(week -> week.sessions().stream()).toList();
    }

    static List<String> ids(List<Prescription> prescriptions) {
        return prescriptions.stream().map(Prescription::exerciseId).toList();
    }

    static List<String> ids(Block block) {
        return ids(block.prescriptions());
    }

    static Optional<Substitution> substitution(GeneratedProgram program, String slot) {
        return program.substitutions().stream().filter(s -> s.slot().equals(slot)).findFirst();
    }

    static List<BlockType> blockTypes(PlannedSession session) {
        return session.blocks().stream().map(Block::type).toList();
    }

    static Set<Equipment> equipment(Equipment... items) {
        return items.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(items));
    }
}
