package app.backbone.program.domain.generator;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import app.backbone.program.domain.Goal;

/**
 * Turns a request into a cycle of back training by applying the template for its goal: picks each slot's exercise
 * and dose, applies the orderings and the rotation of drills, replaces (or leaves out) what the member's equipment
 * or conditions rule out, saying why, lists each exercise's alternatives and ends a cycle of 4 weeks or more with a
 * deload week. Never prescribes or offers an exercise needing missing equipment or contraindicated for the member.
 */
public final class ProgramGenerator {

    /** The most alternatives listed for one prescription. */
    public static final int MAX_ALTERNATIVES = 8;

    private final TemplateLibrary templates;

    public ProgramGenerator(TemplateLibrary templates) {
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    /** @throws InvalidSpec (an IllegalArgumentException) when the request asks for what no template can serve */
    public GeneratedProgram generate(ProgramSpec request, ExerciseCatalog catalog) {
        ProgramTemplate template = template(request, catalog);
        if (request.weeks() < 1 || request.weeks() > ProgramSpec.MAX_WEEKS) {
            throw new InvalidSpec("weeks", "weeks must be 1 to " + ProgramSpec.MAX_WEEKS + ", not "
                    + request.weeks(), List.of());
        }
        return new CycleBuilder(new Rules(template, request, catalog))
                .program(template.sessionNames().get(request.sessionsPerWeek()));
    }

    /**
     * The plan with {@code exerciseId} replaced by {@code replacementExerciseId}, one of its alternatives, at the
     * replacement's own dose, in every week of the cycle and in the session at {@code sessionIndex} (null: every
     * session holding it); the swap is recorded in the plan.
     *
     * @throws InvalidSpec when the exercise is not prescribed there, the replacement is not one of its alternatives
     *         (in every session concerned) or the session index is out of range
     */
    public GeneratedProgram swap(GeneratedProgram plan, ProgramSpec spec, ExerciseCatalog catalog, String exerciseId,
            String replacementExerciseId, Integer sessionIndex, Instant at) {
        Objects.requireNonNull(plan, "plan");
        return new PlanSwap(new Rules(template(spec, catalog), spec, catalog), plan)
                .apply(new Swap(exerciseId, replacementExerciseId, sessionIndex, at));
    }

    private ProgramTemplate template(ProgramSpec request, ExerciseCatalog catalog) {
        if (request == null) {
            throw new IllegalArgumentException("a program request is required");
        }
        if (catalog == null) {
            throw new IllegalArgumentException("an exercise catalog is required");
        }
        List<String> served = templates.templates().stream()
                .flatMap(template -> template.goals().stream())
                .sorted()
                .map(Goal::name)
                .toList();
        if (request.goal() == null) {
            throw new InvalidSpec("goal", "goal is required", served);
        }
        ProgramTemplate template = templates.forGoal(request.goal()).orElseThrow(() -> new InvalidSpec("goal",
                "no program template serves the goal " + request.goal(), served));
        if (!template.sessionNames().containsKey(request.sessionsPerWeek())) {
            TreeSet<Integer> allowed = new TreeSet<>(template.sessionNames().keySet());
            throw new InvalidSpec("sessionsPerWeek", "sessionsPerWeek must be one of " + allowed + " for the goal "
                    + request.goal() + ", not " + request.sessionsPerWeek(),
                    allowed.stream().map(String::valueOf).toList());
        }
        return template;
    }
}
