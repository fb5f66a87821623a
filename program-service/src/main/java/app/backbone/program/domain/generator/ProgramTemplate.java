package app.backbone.program.domain.generator;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import app.backbone.program.domain.Goal;

/**
 * Rules for one or more goals, as data: ordered slots with per-goal choices, slot orderings and notes. Read from
 * JSON by {@link TemplateLibrary}; the generator applies it.
 *
 * @param sessionNames session names by sessions per week; its keys are the weekly frequencies the template serves
 */
public record ProgramTemplate(String id, String name, Set<Goal> goals, Map<Integer, List<String>> sessionNames,
        List<Slot> slots, List<Ordering> orderings, List<Note> notes) {

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
    }

    /**
     * A place in a session filled by one exercise. Per goal, the first choice whose condition matches is the
     * template's pick; later matching choices are fallbacks when the pick cannot be served at all.
     */
    public record Slot(String slot, BlockType block, MovementPattern pattern, Map<Goal, List<Choice>> goals) {

        public Slot {
            require(slot != null && !slot.isBlank(), "a slot needs a name");
            Objects.requireNonNull(block, () -> "slot " + slot + " needs a block");
            Objects.requireNonNull(pattern, () -> "slot " + slot + " needs a movement pattern");
            goals = deepCopy(goals);
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
     * false needs none; {@code sessions} are 1-based positions in the week.
     */
    public record When(Set<Goal> goals, Set<WeakPoint> weakPoints, Boolean anyWeakPoint, Set<Condition> conditions,
            Set<Integer> sessions, Set<Integer> sessionsPerWeek, Boolean superset, Boolean arms) {

        public static final When ALWAYS = new When(null, null, null, null, null, null, null, null);

        public When {
            goals = copy(goals);
            weakPoints = copy(weakPoints);
            conditions = copy(conditions);
            sessions = copy(sessions);
            sessionsPerWeek = copy(sessionsPerWeek);
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
                    && (arms == null || arms == request.includeArms());
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
