package app.backbone.program.domain.generator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import app.backbone.program.domain.Goal;
import app.backbone.program.domain.generator.ProgramTemplate.Choice;
import app.backbone.program.domain.generator.ProgramTemplate.Ordering;
import app.backbone.program.domain.generator.ProgramTemplate.Rotation;
import app.backbone.program.domain.generator.ProgramTemplate.Slot;
import app.backbone.program.domain.generator.Rules.Pick;

/**
 * Builds one request's cycle week by week: the slots of each session (rotating drills taking their turn), the
 * exercise and dose of each, its alternatives, the superset's rests and the deload week, collecting what had to be
 * substituted or left out and the notes.
 */
final class CycleBuilder {

    private final Rules rules;
    private final ProgramTemplate template;
    private final ProgramSpec request;
    private final Goal goal;
    private final Set<Substitution> substitutions = new LinkedHashSet<>();
    private final Set<String> focusNotes = new LinkedHashSet<>();
    private final List<Slot> rotationPool;

    CycleBuilder(Rules rules) {
        this.rules = rules;
        this.template = rules.template;
        this.request = rules.request;
        this.goal = request.goal();
        this.rotationPool = rotationPool();
    }

    private record Filled(Pick pick, Prescription prescription) {
    }

    GeneratedProgram program(List<String> sessionNames) {
        List<PlannedWeek> cycle = new ArrayList<>();
        for (int week = 1; week <= request.weeks(); week++) {
            boolean deload = request.weeks() >= 4 && week == request.weeks();
            List<PlannedSession> sessions = new ArrayList<>();
            for (int i = 0; i < sessionNames.size(); i++) {
                sessions.add(session(week, i + 1, sessionNames.get(i), deload));
            }
            cycle.add(new PlannedWeek(week, deload, sessions));
        }
        Set<String> notes = new LinkedHashSet<>();
        cycle.stream().flatMap(week -> week.sessions().stream())
                .filter(session -> session.blocks().isEmpty())
                .forEach(session -> notes.add(session.name() + ": no exercise of this session suits the member's"
                        + " equipment and conditions (see substitutions); it needs a trainer's attention."));
        template.notes().stream()
                .filter(note -> note.block() == null && note.when().matches(request, 0))
                .forEach(note -> notes.add(note.text()));
        notes.addAll(focusNotes);
        if (cycle.get(cycle.size() - 1).deload()) {
            notes.add("Week " + cycle.size() + " is a deload week: the same exercises with half the working sets"
                    + " (rounded up), two more reps in reserve and nothing taken to failure, to recover before the"
                    + " next cycle.");
        }
        return new GeneratedProgram(goal, cycle.get(0).sessions(), List.copyOf(substitutions), List.copyOf(notes),
                cycle.size(), cycle, List.of());
    }

    private PlannedSession session(int week, int number, String name, boolean deload) {
        Set<String> turn = rotationTurn(week, number);
        List<Slot> slots = ordered(template.slots().stream()
                .filter(slot -> !rules.choices(slot, number).isEmpty())
                .filter(slot -> !template.rotates(slot.slot()) || template.rotation().keeps(slot.slot(), request)
                        || turn.contains(slot.slot()))
                .toList(), number);
        Set<String> used = new HashSet<>();
        List<Filled> filled = new ArrayList<>();
        slots.forEach(slot -> fill(slot, number, used).ifPresent(filled::add));
        Map<BlockType, List<Prescription>> byBlock = new EnumMap<>(BlockType.class);
        for (Filled f : filled) {
            Prescription p = f.prescription().withAlternatives(rules.alternatives(f.pick(), used));
            byBlock.computeIfAbsent(f.pick().slot().block(), type -> new ArrayList<>())
                    .add(deload ? p.deloaded(Rules.DELOAD) : p);
        }
        Map<BlockType, String> extraNotes = settleSuperset(byBlock);
        List<Block> blocks = new ArrayList<>();
        byBlock.forEach((type, prescriptions) -> {
            if (!prescriptions.isEmpty()) {
                blocks.add(new Block(type, prescriptions, blockNote(type, number, extraNotes.get(type))));
            }
        });
        return new PlannedSession(name, blocks);
    }

    private List<Slot> ordered(List<Slot> slots, int session) {
        List<Slot> result = new ArrayList<>(slots);
        for (Ordering ordering : template.orderings()) {
            if (!ordering.when().matches(request, session)) {
                continue;
            }
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < result.size(); i++) {
                if (ordering.slots().contains(result.get(i).slot())) {
                    positions.add(i);
                }
            }
            List<Slot> wanted = ordering.slots().stream()
                    .flatMap(name -> result.stream().filter(slot -> slot.slot().equals(name)))
                    .toList();
            for (int i = 0; i < positions.size(); i++) {
                result.set(positions.get(i), wanted.get(i));
            }
        }
        return result;
    }

    private Optional<Filled> fill(Slot slot, int session, Set<String> used) {
        List<Choice> choices = rules.choices(slot, session);
        Choice primary = choices.get(0);
        Optional<Pick> resolved = rules.resolve(slot, choices, used);
        if (resolved.isEmpty()) {
            substitutions.add(new Substitution(slot.slot(), primary.exerciseId(), null, rules.problem(primary, used)
                    + "; no other suitable " + Labels.of(slot.patternOf(primary))
                    + " exercise is available, so this slot is left out."));
            return Optional.empty();
        }
        Pick pick = resolved.get();
        noteOverruledFocus(slot, pick);
        String because = null;
        if (!pick.entry().id().equals(primary.exerciseId())) {
            String problem = rules.problem(primary, used);
            substitutions.add(new Substitution(slot.slot(), primary.exerciseId(), pick.entry().id(),
                    problem + "; " + pick.entry().name() + " is used instead."));
            because = "Stands in for " + rules.name(primary.exerciseId()) + ". " + problem + ".";
        }
        used.add(pick.entry().id());
        return Optional.of(new Filled(pick, rules.prescribe(pick, session, because,
                rules.name(pick.choice().exerciseId()))));
    }

    /** A condition (or missing equipment) wins over the asked mobility focus; the program says so. */
    private void noteOverruledFocus(Slot slot, Pick pick) {
        MobilityFocus focus = request.mobilityFocus();
        if (focus == null) {
            return;
        }
        slot.choices(goal).stream()
                .filter(choice -> choice.when().mobilityFocus().contains(focus))
                .findFirst()
                .filter(asked -> !asked.exerciseId().equals(pick.entry().id()))
                .ifPresent(asked -> {
                    List<String> conditions = pick.choice().when().conditions().stream()
                            .filter(request.conditions()::contains).sorted().map(Labels::of).toList();
                    String cause = conditions.isEmpty() ? rules.problem(asked, Set.of())
                            : "the member has " + Labels.join(conditions)
                                    + ", and a condition always wins over a focus";
                    focusNotes.add("Mobility focus " + Labels.of(focus) + " was asked for (" + rules.name(
                            asked.exerciseId()) + "), but " + cause + ", so the warm-up uses " + pick.entry().name()
                            + " instead.");
                });
    }

    /** The rotating drills of the workout: the next ones of the pool, counted over the cycle's workouts. */
    private Set<String> rotationTurn(int week, int session) {
        if (rotationPool.isEmpty()) {
            return Set.of();
        }
        int size = rotationPool.size();
        int perWorkout = Math.min(size, template.rotation().perWorkout(size, request.sessionsPerWeek()));
        int workout = (week - 1) * request.sessionsPerWeek() + session - 1;
        Set<String> turn = new HashSet<>();
        for (int i = 0; i < perWorkout; i++) {
            turn.add(rotationPool.get((workout * perWorkout + i) % size).slot());
        }
        return turn;
    }

    /**
     * The rotating slots this member can do, in rotation order. A drill that cannot be served is left out of the
     * rotation rather than leaving a hole; so is one whose only stand-in is a drill already rotating or kept in
     * every session (a drill's own exercise keeps its place before a stand-in takes it).
     */
    private List<Slot> rotationPool() {
        Rotation rotation = template.rotation();
        if (rotation == null) {
            return List.of();
        }
        Map<String, String> claimedBy = new HashMap<>();
        Map<Slot, Pick> picks = new LinkedHashMap<>();
        for (Slot slot : template.slots()) {
            List<Choice> choices = rules.choices(slot, 0);
            if (choices.isEmpty() || !template.rotates(slot.slot()) && !rotation.keeps(slot.slot(), request)) {
                continue;
            }
            Optional<Pick> pick = rules.resolve(slot, choices, Set.of());
            if (rotation.keeps(slot.slot(), request)) {
                pick.ifPresent(kept -> claimedBy.put(kept.entry().id(), slot.slot()));
            } else if (pick.isPresent()) {
                picks.put(slot, pick.get());
            } else {
                substitutions.add(new Substitution(slot.slot(), choices.get(0).exerciseId(), null,
                        rules.problem(choices.get(0), Set.of()) + "; no other suitable "
                                + Labels.of(slot.patternOf(choices.get(0)))
                                + " exercise is available, so this drill is left out of the rotation."));
            }
        }
        Set<Slot> accepted = new HashSet<>();
        for (boolean standIns : new boolean[] {false, true}) {
            picks.forEach((slot, pick) -> {
                Choice primary = rules.choices(slot, 0).get(0);
                if (pick.entry().id().equals(primary.exerciseId()) == standIns) {
                    return;
                }
                String claimer = claimedBy.putIfAbsent(pick.entry().id(), slot.slot());
                if (claimer == null) {
                    accepted.add(slot);
                    return;
                }
                String why = standIns ? rules.problem(primary, Set.of()) + "; its stand-in " + pick.entry().name()
                        + " is" : pick.entry().name() + " is";
                substitutions.add(new Substitution(slot.slot(), primary.exerciseId(), null, why
                        + " already in the program as the " + claimer + " drill, so this drill is left out of the"
                        + " rotation."));
            });
        }
        return rotation.slots().stream()
                .flatMap(name -> accepted.stream().filter(slot -> slot.slot().equals(name)))
                .toList();
    }

    /**
     * Exercises of a superset are done back to back, so only the last of them rests. A superset left with one
     * exercise becomes straight sets at the head of the accessory block.
     */
    private Map<BlockType, String> settleSuperset(Map<BlockType, List<Prescription>> byBlock) {
        List<Prescription> superset = byBlock.remove(BlockType.SUPERSET);
        if (superset == null || superset.isEmpty()) {
            return Map.of();
        }
        int pairRest = superset.stream().mapToInt(Prescription::restSeconds).max().orElse(0);
        if (superset.size() == 1) {
            Prescription alone = superset.get(0).withRest(pairRest);
            byBlock.computeIfAbsent(BlockType.ACCESSORY, type -> new ArrayList<>()).add(0, alone);
            return Map.of(BlockType.ACCESSORY, alone.name() + " is done as straight sets: its superset"
                    + " partner could not be served (see substitutions).");
        }
        List<Prescription> settled = new ArrayList<>();
        for (int i = 0; i < superset.size(); i++) {
            settled.add(superset.get(i).withRest(i == superset.size() - 1 ? pairRest : 0));
        }
        byBlock.put(BlockType.SUPERSET, settled);
        return Map.of();
    }

    private String blockNote(BlockType type, int session, String extra) {
        List<String> texts = new ArrayList<>();
        if (extra != null) {
            texts.add(extra);
        }
        template.notes().stream()
                .filter(note -> note.block() == type && note.when().matches(request, session))
                .forEach(note -> texts.add(note.text()));
        return texts.isEmpty() ? null : String.join(" ", texts);
    }
}
