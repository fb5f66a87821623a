package app.backbone.program.domain.generator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import app.backbone.program.domain.Goal;
import app.backbone.program.domain.generator.ProgramTemplate.Choice;
import app.backbone.program.domain.generator.ProgramTemplate.Dose;
import app.backbone.program.domain.generator.ProgramTemplate.Ordering;
import app.backbone.program.domain.generator.ProgramTemplate.Slot;

/**
 * Turns a request into a week of back training by applying the template for its goal: picks each slot's exercise
 * and dose, applies the orderings, and replaces (or leaves out) what the member's equipment or conditions rule
 * out, saying why. Never prescribes an exercise needing missing equipment or contraindicated for the member.
 */
public final class ProgramGenerator {

    private final TemplateLibrary templates;

    public ProgramGenerator(TemplateLibrary templates) {
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    /** @throws IllegalArgumentException when the request asks for something no template can serve */
    public GeneratedProgram generate(ProgramSpec request, ExerciseCatalog catalog) {
        if (request == null) {
            throw new IllegalArgumentException("a program request is required");
        }
        if (catalog == null) {
            throw new IllegalArgumentException("an exercise catalog is required");
        }
        if (request.goal() == null) {
            throw new IllegalArgumentException("goal is required");
        }
        ProgramTemplate template = templates.forGoal(request.goal()).orElseThrow(() -> new IllegalArgumentException(
                "no program template serves the goal " + request.goal()));
        List<String> sessionNames = template.sessionNames().get(request.sessionsPerWeek());
        if (sessionNames == null) {
            throw new IllegalArgumentException("sessionsPerWeek must be one of "
                    + new TreeSet<>(template.sessionNames().keySet()) + " for the goal " + request.goal()
                    + ", not " + request.sessionsPerWeek());
        }
        return new Run(template, request, catalog).program(sessionNames);
    }

    /**
     * The plan with {@code exerciseId} replaced by {@code replacementExerciseId}, one of its alternatives, at the
     * replacement's own dose, in every week of the cycle and in the session at {@code sessionIndex} (null: every
     * session holding it); the swap is recorded in the plan.
     *
     * @throws InvalidSpec when the exercise is not prescribed there or the replacement is not one of its alternatives
     */
    public GeneratedProgram swap(GeneratedProgram plan, ProgramSpec spec, ExerciseCatalog catalog, String exerciseId,
            String replacementExerciseId, Integer sessionIndex, Instant at) {
        throw new UnsupportedOperationException("swaps are being built (issue 11)");
    }

    private static final class Run {

        private final ProgramTemplate template;
        private final ProgramSpec request;
        private final ExerciseCatalog catalog;
        private final Goal goal;
        private final Set<Substitution> substitutions = new LinkedHashSet<>();

        Run(ProgramTemplate template, ProgramSpec request, ExerciseCatalog catalog) {
            this.template = template;
            this.request = request;
            this.catalog = catalog;
            this.goal = request.goal();
        }

        GeneratedProgram program(List<String> sessionNames) {
            List<PlannedSession> sessions = new ArrayList<>();
            for (int i = 0; i < sessionNames.size(); i++) {
                sessions.add(session(i + 1, sessionNames.get(i)));
            }
            List<String> notes = new ArrayList<>();
            sessions.stream().filter(session -> session.blocks().isEmpty()).forEach(session -> notes.add(
                    session.name() + ": no exercise of this session suits the member's equipment and conditions"
                            + " (see substitutions); it needs a trainer's attention."));
            template.notes().stream()
                    .filter(note -> note.block() == null && note.when().matches(request, 0))
                    .forEach(note -> notes.add(note.text()));
            return new GeneratedProgram(goal, sessions, List.copyOf(substitutions), notes);
        }

        private PlannedSession session(int number, String name) {
            List<Slot> slots = ordered(template.slots().stream()
                    .filter(slot -> slot.choices(goal).stream().anyMatch(c -> c.when().matches(request, number)))
                    .toList(), number);
            Set<String> used = new HashSet<>();
            Map<BlockType, List<Prescription>> byBlock = new EnumMap<>(BlockType.class);
            for (Slot slot : slots) {
                fill(slot, number, used).ifPresent(prescription -> byBlock
                        .computeIfAbsent(slot.block(), type -> new ArrayList<>()).add(prescription));
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

        private Optional<Prescription> fill(Slot slot, int session, Set<String> used) {
            List<Choice> choices = slot.choices(goal).stream()
                    .filter(choice -> choice.when().matches(request, session))
                    .toList();
            Choice primary = choices.get(0);
            for (Choice choice : choices) {
                Optional<CatalogEntry> picked = pick(choice, slot.patternOf(choice), used);
                if (picked.isPresent()) {
                    CatalogEntry entry = picked.get();
                    boolean replaced = !entry.id().equals(primary.exerciseId());
                    if (replaced) {
                        substitutions.add(new Substitution(slot.slot(), primary.exerciseId(), entry.id(),
                                problem(primary, used) + "; " + entry.name() + " is used instead."));
                    }
                    used.add(entry.id());
                    return Optional.of(prescription(slot, choice, entry, replaced ? primary : null));
                }
            }
            substitutions.add(new Substitution(slot.slot(), primary.exerciseId(), null, problem(primary, used)
                    + "; no other suitable " + Labels.of(slot.patternOf(primary))
                    + " exercise is available, so this slot is left out."));
            return Optional.empty();
        }

        private Optional<CatalogEntry> pick(Choice choice, MovementPattern pattern, Set<String> used) {
            Predicate<CatalogEntry> fits = entry -> usable(entry) && !used.contains(entry.id())
                    && entry.measure().timed() == choice.dose().timed();
            Optional<CatalogEntry> preferred = catalog.find(choice.exerciseId());
            if (preferred.filter(fits).isPresent()) {
                return preferred;
            }
            Predicate<CatalogEntry> substitute = fits.and(entry -> entry.pattern() == pattern);
            for (String alternative : choice.alternatives()) {
                Optional<CatalogEntry> entry = catalog.find(alternative).filter(substitute);
                if (entry.isPresent()) {
                    return entry;
                }
            }
            if (!choice.catalogFallback()) {
                return Optional.empty();
            }
            Comparator<CatalogEntry> closest = Comparator.comparing(
                    entry -> preferred.map(p -> p.category() != entry.category()).orElse(false));
            closest = closest
                    .thenComparing(entry -> preferred.map(p -> p.laterality() != entry.laterality()).orElse(false))
                    .thenComparing(entry -> -preferred.map(p -> sharedPrimaryMuscles(p, entry)).orElse(0));
            return catalog.byPattern(pattern).stream().filter(substitute).sorted(closest).findFirst();
        }

        private static int sharedPrimaryMuscles(CatalogEntry a, CatalogEntry b) {
            return (int) a.primaryMuscles().stream().filter(b.primaryMuscles()::contains).count();
        }

        private boolean usable(CatalogEntry entry) {
            return entry.equipment().stream().allMatch(request::has)
                    && Collections.disjoint(entry.contraindications(), request.conditions());
        }

        private String problem(Choice primary, Set<String> used) {
            Optional<CatalogEntry> found = catalog.find(primary.exerciseId());
            if (found.isEmpty()) {
                return "'" + primary.exerciseId() + "' is not in the gym's exercise catalog";
            }
            CatalogEntry entry = found.get();
            List<String> reasons = new ArrayList<>();
            List<String> missing = entry.equipment().stream()
                    .filter(item -> !request.has(item))
                    .sorted()
                    .map(item -> "a " + Labels.of(item))
                    .toList();
            if (!missing.isEmpty()) {
                reasons.add("needs " + Labels.join(missing) + ", which the member does not have");
            }
            List<String> conditions = entry.contraindications().stream()
                    .filter(request.conditions()::contains)
                    .sorted()
                    .map(Labels::of)
                    .toList();
            if (!conditions.isEmpty()) {
                reasons.add("is not advised with " + Labels.join(conditions));
            }
            if (used.contains(entry.id())) {
                reasons.add("is already in this session");
            }
            if (entry.measure().timed() != primary.dose().timed()) {
                reasons.add("is measured in " + (entry.measure().timed() ? "seconds" : "reps")
                        + ", which does not fit this slot");
            }
            return entry.name() + " " + (reasons.isEmpty() ? "cannot be used here" : String.join(", and ", reasons));
        }

        private Prescription prescription(Slot slot, Choice choice, CatalogEntry entry, Choice replaced) {
            Dose dose = choice.dose();
            String rationale = replaced == null ? choice.rationale()
                    : "Stands in for " + catalog.find(replaced.exerciseId()).map(CatalogEntry::name)
                            .orElse(replaced.exerciseId()) + ". " + choice.rationale();
            return new Prescription(entry.id(), entry.name(), dose.sets(), dose.repsMin(), dose.repsMax(),
                    dose.seconds(), entry.measure().perSide(), dose.restSeconds(), dose.toFailure(), dose.targetRir(),
                    rationale, dose.setsMax(), dose.secondsMax(), slot.slot());
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
                Prescription alone = withRest(superset.get(0), pairRest);
                byBlock.computeIfAbsent(BlockType.ACCESSORY, type -> new ArrayList<>()).add(0, alone);
                return Map.of(BlockType.ACCESSORY, alone.name() + " is done as straight sets: its superset"
                        + " partner could not be served (see substitutions).");
            }
            List<Prescription> settled = new ArrayList<>();
            for (int i = 0; i < superset.size(); i++) {
                settled.add(withRest(superset.get(i), i == superset.size() - 1 ? pairRest : 0));
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

        private static Prescription withRest(Prescription p, int restSeconds) {
            return new Prescription(p.exerciseId(), p.name(), p.sets(), p.repsMin(), p.repsMax(), p.seconds(),
                    p.perSide(), restSeconds, p.toFailure(), p.targetRir(), p.rationale(), p.setsMax(),
                    p.secondsMax(), p.slot());
        }
    }
}
