package app.backbone.program.domain.generator;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import app.backbone.program.domain.Goal;

/**
 * Rules for one or more goals, as data: ordered slots with per-goal choices, slot orderings, notes, the rotation of
 * drills across a cycle (may be null) and the substitute-dose table. Read from JSON by {@link TemplateLibrary}; the
 * generator applies it.
 *
 * @param sessionNames session names by sessions per week; its keys are the weekly frequencies the template serves
 */
public record ProgramTemplate(String id, String name, Set<Goal> goals, Map<Integer, List<String>> sessionNames,
        List<Slot> slots, List<Ordering> orderings, List<Note> notes, Rotation rotation,
        List<SubstituteDose> substituteDoses) {

    public ProgramTemplate {
        require(id != null && !id.isBlank(), "a template needs an id");
        goals = copy(goals);
        require(!goals.isEmpty(), "template " + id + " serves no goal");
        sessionNames = deepCopy(sessionNames);
        require(!sessionNames.isEmpty(), "template " + id + " names no sessions");
        sessionNames.forEach((count, names) -> require(count >= 1 && names.size() == count,
                "template " + id + " must name exactly " + count + " session(s) for " + count + " a week"));
        slots = copy(slots);
        orderings = copy(orderings);
        notes = copy(notes);
        Set<String> names = new HashSet<>();
        slots.forEach(slot -> require(names.add(slot.slot()), "template " + id + " repeats slot " + slot.slot()));
        orderings.forEach(ordering -> ordering.slots().forEach(slot -> require(names.contains(slot),
                "template " + id + " orders unknown slot " + slot)));
        if (rotation != null) {
            rotation.named().forEach(slot -> require(names.contains(slot),
                    "template " + id + " rotates unknown slot " + slot));
        }
        substituteDoses = copy(substituteDoses);
        requireSubstituteDoses(id, slots, substituteDoses);
    }

    /** The first substitute dose that fits the exercise standing in, if any. */
    public Optional<SubstituteDose> substituteDose(ProgramSpec request, int session, BlockType block,
            CatalogEntry entry) {
        return substituteDoses.stream().filter(dose -> dose.matches(request, session, block, entry)).findFirst();
    }

    /** Whether the slot's drills take turns across the workouts of a cycle. */
    public boolean rotates(String slot) {
        return rotation != null && rotation.slots().contains(slot);
    }

    /** Every slot a substitute can stand in for must find its own dose: a row of the table covering its pattern. */
    private static void requireSubstituteDoses(String id, List<Slot> slots, List<SubstituteDose> doses) {
        for (Slot slot : slots) {
            slot.goals().forEach((goal, choices) -> choices.stream()
                    .filter(choice -> choice.catalogFallback() || !choice.alternatives().isEmpty())
                    .forEach(choice -> require(doses.stream().anyMatch(dose -> dose.coversEvery(goal, slot.block(),
                            slot.patternOf(choice), choice.dose().timed())),
                            "template " + id + " has no substitute dose for every " + slot.patternOf(choice)
                                    + " exercise in a " + slot.block() + " block for " + goal + " (slot "
                                    + slot.slot() + ", " + choice.exerciseId() + ")")));
        }
    }

    /**
     * A place in a session filled by one exercise. Per goal, the first choice whose condition matches is the
     * template's pick; later matching choices are fallbacks when the pick cannot be served at all.
     */
    public record Slot(String slot, BlockType block, MovementPattern pattern, Map<Goal, List<Choice>> goals,
            List<ExtraSets> extraSets) {

        public Slot {
            require(slot != null && !slot.isBlank(), "a slot needs a name");
            Objects.requireNonNull(block, () -> "slot " + slot + " needs a block");
            Objects.requireNonNull(pattern, () -> "slot " + slot + " needs a movement pattern");
            goals = deepCopy(goals);
            extraSets = copy(extraSets);
        }

        /** Sets a substitute in this slot gets on top of its own dose (a weak point's extra set). */
        public int extraSets(ProgramSpec request, int session) {
            return extraSets.stream().filter(extra -> extra.when().matches(request, session))
                    .mapToInt(ExtraSets::sets).sum();
        }

        public List<Choice> choices(Goal goal) {
            return goals.getOrDefault(goal, List.of());
        }

        /** The pattern substitutes must share: the choice's own, else the slot's. */
        public MovementPattern patternOf(Choice choice) {
            return choice.pattern() == null ? pattern : choice.pattern();
        }
    }

    /**
     * One exercise with its dose. {@code alternatives} are preferred substitutes of the same pattern, in order;
     * {@code catalogFallback} (default true) lets any other catalog exercise of the pattern stand in after them.
     */
    public record Choice(When when, String exerciseId, MovementPattern pattern, Dose dose, List<String> alternatives,
            Boolean catalogFallback, String rationale) {

        public Choice {
            when = when == null ? When.ALWAYS : when;
            require(exerciseId != null && !exerciseId.isBlank(), "a choice needs an exerciseId");
            Objects.requireNonNull(dose, () -> "choice " + exerciseId + " needs a dose");
            alternatives = copy(alternatives);
            catalogFallback = catalogFallback == null || catalogFallback;
            require(rationale != null && !rationale.isBlank(), "choice " + exerciseId + " needs a rationale");
        }
    }

    /** Sets, reps or seconds, rest and effort; a null upper bound means a fixed value (or "N+" for reps). */
    public record Dose(int sets, Integer setsMax, Integer repsMin, Integer repsMax, Integer seconds,
            Integer secondsMax, boolean perSide, int restSeconds, boolean toFailure, Integer targetRir) {

        public Dose {
            require(sets >= 1, "a dose needs at least one set");
            require(setsMax == null || setsMax >= sets, "setsMax is below sets");
            require((repsMin == null) != (seconds == null), "a dose has either repsMin or seconds");
            require(repsMin == null || repsMin >= 1, "repsMin must be positive");
            require(repsMax == null || repsMin != null && repsMax >= repsMin, "repsMax needs repsMin at or below it");
            require(secondsMax == null || seconds != null && secondsMax >= seconds,
                    "secondsMax needs seconds at or below it");
            require(restSeconds >= 0, "restSeconds must not be negative");
            require(!(toFailure && targetRir != null), "a set to failure has no target reps in reserve");
            require(targetRir == null || targetRir >= 0 && targetRir <= 10, "targetRir must be 0-10");
        }

        public boolean timed() {
            return seconds != null;
        }
    }

    /**
     * When a choice, ordering or note applies; every given field must match and absent fields match anything.
     * {@code conditions} matches when the member has any of them; {@code anyWeakPoint} true needs a weak point,
     * false needs none; {@code sessions} are 1-based positions in the week. {@code armsFocus} needs the arms add-on
     * with one of these foci (BOTH when none is asked), {@code mobilityFocus} one of these asked foci,
     * {@code supersetStart} one of these superset openers (asked, or the default for the weak point).
     */
    public record When(Set<Goal> goals, Set<WeakPoint> weakPoints, Boolean anyWeakPoint, Set<Condition> conditions,
            Set<Integer> sessions, Set<Integer> sessionsPerWeek, Boolean superset, Boolean arms,
            Set<ArmsFocus> armsFocus, Set<MobilityFocus> mobilityFocus, Set<SupersetStart> supersetStart) {

        public static final When ALWAYS = new When(null, null, null, null, null, null, null, null, null, null, null);

        public When {
            goals = copy(goals);
            weakPoints = copy(weakPoints);
            conditions = copy(conditions);
            sessions = copy(sessions);
            sessionsPerWeek = copy(sessionsPerWeek);
            armsFocus = copy(armsFocus);
            mobilityFocus = copy(mobilityFocus);
            supersetStart = copy(supersetStart);
        }

        /** Whether the request matches; {@code session} 0 ignores {@code sessions} (program-wide rules). */
        public boolean matches(ProgramSpec request, int session) {
            return (goals.isEmpty() || goals.contains(request.goal()))
                    && (weakPoints.isEmpty() || request.weakPoint() != null && weakPoints.contains(request.weakPoint()))
                    && (anyWeakPoint == null || anyWeakPoint == (request.weakPoint() != null))
                    && (conditions.isEmpty() || conditions.stream().anyMatch(request.conditions()::contains))
                    && (session == 0 || sessions.isEmpty() || sessions.contains(session))
                    && (sessionsPerWeek.isEmpty() || sessionsPerWeek.contains(request.sessionsPerWeek()))
                    && (superset == null || superset == request.includeSuperset())
                    && (arms == null || arms == request.includeArms())
                    && (armsFocus.isEmpty()
                            || request.includeArms() && armsFocus.contains(request.armsFocusOrDefault()))
                    && (mobilityFocus.isEmpty()
                            || request.mobilityFocus() != null && mobilityFocus.contains(request.mobilityFocus()))
                    && (supersetStart.isEmpty() || supersetStart.contains(request.supersetStartOrDefault()));
        }

        /** Whether only {@code goals} is given, so that the rule holds for every request of those goals. */
        boolean goalsOnly() {
            return weakPoints.isEmpty() && anyWeakPoint == null && conditions.isEmpty() && sessions.isEmpty()
                    && sessionsPerWeek.isEmpty() && superset == null && arms == null && armsFocus.isEmpty()
                    && mobilityFocus.isEmpty() && supersetStart.isEmpty();
        }
    }

    /** Sets added to a substitute's own dose in a slot when {@code when} matches. */
    public record ExtraSets(When when, int sets) {

        public ExtraSets {
            when = when == null ? When.ALWAYS : when;
            require(sets >= 1, "extra sets must be at least 1");
        }
    }

    /**
     * Strengthening drills that take turns: each workout of the cycle (counted across weeks) gets the next
     * {@code perSession} of the listed slots the member can do, more when needed so that every one comes round
     * within {@code coverWeeks} weeks. A slot listed in a matching {@code everySession} group is in every session
     * instead (a weak point's addition), outside the rotation.
     */
    public record Rotation(List<String> slots, int perSession, int coverWeeks, List<Keep> everySession) {

        public Rotation {
            slots = copy(slots);
            everySession = copy(everySession);
            require(!slots.isEmpty(), "a rotation needs slots");
            require(perSession >= 1, "a rotation puts at least one slot in a session");
            require(coverWeeks >= 1, "a rotation covers its slots in at least one week");
        }

        /** Drills per workout: {@code perSession}, or more if {@code pool} drills would not fit in the cover weeks. */
        public int perWorkout(int pool, int sessionsPerWeek) {
            int workouts = coverWeeks * sessionsPerWeek;
            return Math.max(perSession, (pool + workouts - 1) / workouts);
        }

        /** Whether the slot stays in every session for this request. */
        public boolean keeps(String slot, ProgramSpec request) {
            return everySession.stream().anyMatch(keep -> keep.when().matches(request, 0)
                    && keep.slots().contains(slot));
        }

        Set<String> named() {
            Set<String> named = new HashSet<>(slots);
            everySession.forEach(keep -> named.addAll(keep.slots()));
            return named;
        }

        /** Slots kept in every session when {@code when} matches. */
        public record Keep(When when, List<String> slots) {

            public Keep {
                when = when == null ? When.ALWAYS : when;
                slots = copy(slots);
            }
        }
    }

    /**
     * A row of the substitute-dose table: the dose of an exercise standing in for a template pick, chosen by what
     * the exercise is. The first row whose given fields all match wins; absent fields match anything.
     * {@code equipment} matches an exercise needing any of the items; {@code exercises} names exercise ids.
     */
    public record SubstituteDose(When when, Set<BlockType> blocks, Set<MovementPattern> patterns, Set<String> exercises,
            Set<Category> categories, Set<Measure> measures, Boolean loadable, Set<Equipment> equipment, Dose dose,
            String rationale) {

        public SubstituteDose {
            when = when == null ? When.ALWAYS : when;
            blocks = copy(blocks);
            patterns = copy(patterns);
            exercises = copy(exercises);
            categories = copy(categories);
            measures = copy(measures);
            equipment = copy(equipment);
            Objects.requireNonNull(dose, "a substitute dose needs a dose");
            require(rationale != null && !rationale.isBlank(), "a substitute dose needs a rationale");
            require(measures.stream().allMatch(measure -> measure.timed() == dose.timed()),
                    "a substitute dose's measures must be " + (dose.timed() ? "timed" : "counted in reps"));
        }

        boolean matches(ProgramSpec request, int session, BlockType block, CatalogEntry entry) {
            return when.matches(request, session)
                    && (blocks.isEmpty() || blocks.contains(block))
                    && (patterns.isEmpty() || patterns.contains(entry.pattern()))
                    && (exercises.isEmpty() || exercises.contains(entry.id()))
                    && (categories.isEmpty() || categories.contains(entry.category()))
                    && (measures.isEmpty() || measures.contains(entry.measure()))
                    && (loadable == null || loadable == entry.loadable())
                    && (equipment.isEmpty() || entry.equipment().stream().anyMatch(equipment::contains))
                    && dose.timed() == entry.measure().timed();
        }

        /** Whether this row doses every exercise of the pattern and measure kind in that block for the goal. */
        boolean coversEvery(Goal goal, BlockType block, MovementPattern pattern, boolean timed) {
            return when.goalsOnly() && (when.goals().isEmpty() || when.goals().contains(goal))
                    && (blocks.isEmpty() || blocks.contains(block))
                    && (patterns.isEmpty() || patterns.contains(pattern))
                    && exercises.isEmpty() && categories.isEmpty() && loadable == null && equipment.isEmpty()
                    && dose.timed() == timed
                    && Arrays.stream(Measure.values()).filter(m -> m.timed() == timed)
                            .allMatch(m -> measures.isEmpty() || measures.contains(m));
        }
    }

    /** Puts the listed slots, where present, in this order within the positions they occupy. */
    public record Ordering(When when, List<String> slots) {

        public Ordering {
            when = when == null ? When.ALWAYS : when;
            slots = copy(slots);
        }
    }

    /** Guidance text: for a block of that type when {@code block} is given, else for the whole program. */
    public record Note(When when, BlockType block, String text) {

        public Note {
            when = when == null ? When.ALWAYS : when;
            require(text != null && !text.isBlank(), "a note needs text");
        }
    }

    private static <K, V> Map<K, List<V>> deepCopy(Map<K, List<V>> map) {
        return map == null ? Map.of()
                : map.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                        entry -> copy(entry.getValue())));
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static <T> Set<T> copy(Set<T> set) {
        return set == null ? Set.of() : Set.copyOf(set);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
