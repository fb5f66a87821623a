package app.backbone.program.domain.generator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import app.backbone.program.domain.generator.Rules.Pick;

/**
 * A trainer's swap applied to a stored plan: the exercise is replaced wherever the swap reaches, in every week, at
 * the replacement's own dose (deloaded in a deload week, the superset's rest kept), and the alternatives of the
 * sessions touched are worked out again. Everything else in the plan stays as it was.
 */
final class PlanSwap {

    private final Rules rules;
    private final GeneratedProgram plan;

    PlanSwap(Rules rules, GeneratedProgram plan) {
        this.rules = rules;
        this.plan = plan;
    }

    GeneratedProgram apply(Swap swap) {
        int perWeek = plan.sessionsPerWeek();
        Integer index = swap.sessionIndex();
        if (index != null && (index < 1 || index > perWeek)) {
            throw new InvalidSpec("sessionIndex", "sessionIndex must be 1 to " + perWeek + ", not " + index,
                    IntStream.rangeClosed(1, perWeek).mapToObj(String::valueOf).toList());
        }
        List<String> allowed = allowedReplacements(swap);
        if (!allowed.contains(swap.replacementExerciseId())) {
            throw new InvalidSpec("replacementExerciseId", "'" + swap.replacementExerciseId()
                    + "' is not an alternative to '" + swap.exerciseId() + "'" + where(index)
                    + "; the alternatives are " + allowed, allowed);
        }
        CatalogEntry replacement = rules.find(swap.replacementExerciseId()).orElseThrow();
        List<PlannedWeek> cycle = plan.cycle().stream().map(week -> new PlannedWeek(week.week(), week.deload(),
                IntStream.range(0, week.sessions().size())
                        .mapToObj(i -> reaches(swap, i + 1)
                                ? swapped(week.sessions().get(i), i + 1, week.deload(), swap, replacement)
                                : week.sessions().get(i))
                        .toList()))
                .toList();
        List<Swap> swaps = new ArrayList<>(plan.swaps());
        swaps.add(swap);
        return new GeneratedProgram(plan.goal(), cycle.get(0).sessions(), plan.substitutions(), plan.notes(),
                cycle.size(), cycle, swaps);
    }

    /** The alternatives the exercise has in every session the swap reaches, in the order first offered. */
    private List<String> allowedReplacements(Swap swap) {
        Set<String> prescribed = new LinkedHashSet<>();
        Set<String> allowed = null;
        for (PlannedWeek week : plan.cycle()) {
            for (int i = 0; i < week.sessions().size(); i++) {
                if (!reaches(swap, i + 1)) {
                    continue;
                }
                PlannedSession session = week.sessions().get(i);
                Set<String> inSession = ids(session);
                prescribed.addAll(inSession);
                for (Prescription p : session.prescriptions()) {
                    if (p.exerciseId().equals(swap.exerciseId())) {
                        Set<String> here = new LinkedHashSet<>(pick(p, i + 1)
                                .map(pick -> rules.alternatives(pick, inSession)).orElse(List.of()).stream()
                                .map(Alternative::exerciseId).toList());
                        if (allowed == null) {
                            allowed = here;
                        } else {
                            allowed.retainAll(here);
                        }
                    }
                }
            }
        }
        if (allowed == null) {
            throw new InvalidSpec("exerciseId", "'" + swap.exerciseId() + "' is not prescribed"
                    + where(swap.sessionIndex()), List.copyOf(prescribed));
        }
        return List.copyOf(allowed);
    }

    private PlannedSession swapped(PlannedSession session, int number, boolean deload, Swap swap,
            CatalogEntry replacement) {
        if (!ids(session).contains(swap.exerciseId())) {
            return session;
        }
        Set<String> inSession = new HashSet<>(ids(session));
        inSession.remove(swap.exerciseId());
        inSession.add(replacement.id());
        List<Block> blocks = session.blocks().stream().map(block -> new Block(block.type(),
                block.prescriptions().stream().map(p -> {
                    Prescription q = p.exerciseId().equals(swap.exerciseId())
                            ? replaced(p, block.type(), number, deload, replacement) : p;
                    return pick(q, number).map(pick -> q.withAlternatives(rules.alternatives(pick, inSession)))
                            .orElse(q);
                }).toList(), block.note())).toList();
        return new PlannedSession(session.name(), blocks);
    }

    private Prescription replaced(Prescription p, BlockType block, int number, boolean deload,
            CatalogEntry replacement) {
        Pick pick = rules.context(p.slot(), number, replacement).orElseThrow();
        Prescription q = rules.prescribe(pick, number, "Swapped in by the trainer for " + p.name() + ".", p.name());
        if (block == BlockType.SUPERSET) {
            q = q.withRest(p.restSeconds());
        }
        return deload ? q.deloaded(Rules.DELOAD) : q;
    }

    private Optional<Pick> pick(Prescription p, int session) {
        return rules.find(p.exerciseId()).flatMap(entry -> rules.context(p.slot(), session, entry));
    }

    private static boolean reaches(Swap swap, int session) {
        return swap.sessionIndex() == null || swap.sessionIndex() == session;
    }

    private static String where(Integer sessionIndex) {
        return sessionIndex == null ? " in this program" : " in session " + sessionIndex;
    }

    private static Set<String> ids(PlannedSession session) {
        Set<String> ids = new LinkedHashSet<>();
        session.prescriptions().forEach(p -> ids.add(p.exerciseId()));
        return ids;
    }
}
