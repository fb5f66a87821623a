package app.backbone.program.domain.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import app.backbone.program.domain.generator.ProgramTemplate.Choice;
import app.backbone.program.domain.generator.ProgramTemplate.Dose;
import app.backbone.program.domain.generator.ProgramTemplate.Slot;
import app.backbone.program.domain.generator.ProgramTemplate.SubstituteDose;

/**
 * A template applied to one request and catalog: which exercises the member can do, which one fills a slot, its
 * dose and rationale, and what else a trainer may swap it for. Shared by generation and swaps.
 */
final class Rules {

    static final String DELOAD = "Deload week: half the sets and two more reps in reserve, to recover.";

    private static final String BRING = " Bring a tennis ball (any firm ball will do): it is a personal item, not"
            + " gym equipment, so it need not be on the equipment list.";

    final ProgramTemplate template;
    final ProgramSpec request;
    private final ExerciseCatalog catalog;

    Rules(ProgramTemplate template, ProgramSpec request, ExerciseCatalog catalog) {
        this.template = template;
        this.request = request;
        this.catalog = catalog;
    }

    /** A slot filled by one exercise: the choice's own, or one standing in for it. */
    record Pick(Slot slot, Choice choice, CatalogEntry entry) {

        boolean substitute() {
            return !entry.id().equals(choice.exerciseId());
        }
    }

    /** The slot's choices that apply to the session (0: to any session), template pick first. */
    List<Choice> choices(Slot slot, int session) {
        return slot.choices(request.goal()).stream().filter(choice -> choice.when().matches(request, session)).toList();
    }

    /** The first choice the member can do, as itself or through a substitute, leaving out exercises in use. */
    Optional<Pick> resolve(Slot slot, List<Choice> choices, Set<String> used) {
        for (Choice choice : choices) {
            Optional<CatalogEntry> picked = pick(choice, slot.patternOf(choice), used);
            if (picked.isPresent()) {
                return Optional.of(new Pick(slot, choice, picked.get()));
            }
        }
        return Optional.empty();
    }

    /** The slot and choice a prescribed exercise of the session belongs to, judged by its pattern and measure. */
    Optional<Pick> context(String slotName, int session, CatalogEntry entry) {
        return template.slots().stream().filter(slot -> slot.slot().equals(slotName)).findFirst()
                .flatMap(slot -> choices(slot, session).stream()
                        .filter(choice -> slot.patternOf(choice) == entry.pattern()
                                && choice.dose().timed() == entry.measure().timed())
                        .findFirst()
                        .map(choice -> new Pick(slot, choice, entry)));
    }

    boolean usable(CatalogEntry entry) {
        return request.allows(entry);
    }

    Optional<CatalogEntry> find(String id) {
        return catalog.find(id);
    }

    String name(String exerciseId) {
        return catalog.find(exerciseId).map(CatalogEntry::name).orElse(exerciseId);
    }

    /**
     * The pick as a prescription: the choice's dose for its own exercise, else the substitute-dose table's row for
     * what the exercise is (plus the slot's extra sets). {@code because} opens the rationale when given.
     */
    Prescription prescribe(Pick pick, int session, String because, String instead) {
        Dose dose;
        String why;
        if (pick.substitute()) {
            SubstituteDose row = template.substituteDose(request, session, pick.slot().block(), pick.entry())
                    .orElseThrow(() -> new IllegalStateException("no substitute dose fits " + pick.entry().id()));
            dose = row.dose();
            why = "Its dose is its own, not that of " + instead + ": " + row.rationale();
        } else {
            dose = pick.choice().dose();
            why = pick.choice().rationale();
        }
        int extra = pick.substitute() ? pick.slot().extraSets(request, session) : 0;
        CatalogEntry entry = pick.entry();
        String rationale = (because == null ? "" : because + " ") + why
                + (entry.equipment().stream().anyMatch(request::brings) ? BRING : "");
        return new Prescription(entry.id(), entry.name(), dose.sets() + extra, dose.repsMin(), dose.repsMax(),
                dose.seconds(), entry.measure().perSide(), dose.restSeconds(), dose.toFailure(), dose.targetRir(),
                rationale, dose.setsMax() == null ? null : dose.setsMax() + extra, dose.secondsMax(),
                pick.slot().slot(), List.of());
    }

    /**
     * What a trainer may swap the pick for: exercises of the choice's pattern and measure kind that the member can
     * do and that are not in the session, the template's own choice and alternatives first, then (unless the
     * choice forbids catalog fallbacks) the rest of the catalog, closest first; at most
     * {@link ProgramGenerator#MAX_ALTERNATIVES}.
     */
    List<Alternative> alternatives(Pick pick, Set<String> inSession) {
        Choice choice = pick.choice();
        MovementPattern pattern = pick.slot().patternOf(choice);
        Predicate<CatalogEntry> fits = entry -> entry.pattern() == pattern
                && entry.measure().timed() == choice.dose().timed() && usable(entry)
                && !inSession.contains(entry.id()) && !entry.id().equals(pick.entry().id());
        Stream<CatalogEntry> named = Stream.concat(Stream.of(choice.exerciseId()), choice.alternatives().stream())
                .map(catalog::find)
                .flatMap(Optional::stream);
        Stream<CatalogEntry> others = choice.catalogFallback()
                ? catalog.byPattern(pattern).stream().sorted(closestTo(pick.entry()))
                : Stream.empty();
        return Stream.concat(named, others)
                .filter(fits)
                .map(entry -> new Alternative(entry.id(), entry.name()))
                .distinct()
                .limit(ProgramGenerator.MAX_ALTERNATIVES)
                .toList();
    }

    /** Why the choice's exercise cannot fill the slot, as a clause naming it. */
    String problem(Choice primary, Set<String> used) {
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
        Stream<CatalogEntry> candidates = catalog.byPattern(pattern).stream().filter(substitute);
        return (preferred.isPresent() ? candidates.sorted(closestTo(preferred.get())) : candidates).findFirst();
    }

    /** Same category first, then same laterality, then most primary muscles in common. */
    private static Comparator<CatalogEntry> closestTo(CatalogEntry reference) {
        return Comparator.<CatalogEntry, Boolean>comparing(entry -> reference.category() != entry.category())
                .thenComparing(entry -> reference.laterality() != entry.laterality())
                .thenComparing(entry -> -sharedPrimaryMuscles(reference, entry));
    }

    private static int sharedPrimaryMuscles(CatalogEntry a, CatalogEntry b) {
        return (int) a.primaryMuscles().stream().filter(b.primaryMuscles()::contains).count();
    }
}
