package app.backbone.program.rest;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import app.backbone.common.ProblemException;
import app.backbone.program.domain.Program;
import app.backbone.program.domain.generator.Block;
import app.backbone.program.domain.generator.Condition;
import app.backbone.program.domain.generator.Equipment;
import app.backbone.program.domain.generator.GeneratedProgram;
import app.backbone.program.domain.generator.PlannedSession;
import app.backbone.program.domain.generator.Prescription;
import app.backbone.program.domain.generator.ProgramSpec;
import app.backbone.program.domain.generator.Substitution;
import app.backbone.program.domain.generator.Swap;
import app.backbone.program.service.NextSession;

/** Converts between the program API's records and the program aggregate: the entity and its generated plan. */
final class ProgramMapper {

    private ProgramMapper() {
    }

    /**
     * The generator's input from a request, with the API's defaults: 1 session a week, 4 weeks, no superset, no
     * arms. A superset start or an arms focus asks for the add-on it belongs to; asking for it while refusing the
     * add-on is refused.
     */
    static ProgramSpec spec(ProgramRequest request) {
        if (request.armsFocus() != null && Boolean.FALSE.equals(request.includeArms())) {
            throw ProblemException.invalid("armsFocus", "needs includeArms true (or absent)");
        }
        if (request.supersetStart() != null && Boolean.FALSE.equals(request.includeSuperset())) {
            throw ProblemException.invalid("supersetStart", "needs includeSuperset true (or absent)");
        }
        return new ProgramSpec(request.goal(), request.weakPoint(),
                request.equipment() == null ? null : copy(request.equipment(), Equipment.class),
                request.conditions() == null ? EnumSet.noneOf(Condition.class)
                        : copy(request.conditions(), Condition.class),
                request.sessionsPerWeek() == null ? 1 : request.sessionsPerWeek(),
                Boolean.TRUE.equals(request.includeSuperset()) || request.supersetStart() != null,
                Boolean.TRUE.equals(request.includeArms()) || request.armsFocus() != null,
                request.mobilityFocus(), request.armsFocus(), request.supersetStart(),
                request.weeks() == null ? ProgramSpec.DEFAULT_WEEKS : request.weeks());
    }

    static ProgramPreview preview(GeneratedProgram plan) {
        return new ProgramPreview(plan.goal(), plan.weeks(), sessions(plan.sessions()), cycle(plan),
                substitutions(plan), plan.notes());
    }

    /** The program with its plan; a program without a stored plan has no sessions, substitutions or notes. */
    static ProgramResponse response(Program program, GeneratedProgram plan) {
        return new ProgramResponse(program.id, program.memberId, program.goal, program.weakPoint, program.equipment,
                program.conditions, program.sessionsPerWeek, program.includeSuperset, program.includeArms,
                program.status, program.createdAt,
                plan == null ? List.of() : sessions(plan.sessions()),
                plan == null ? List.of() : substitutions(plan),
                plan == null ? List.of() : plan.notes(),
                plan == null ? program.weeks : plan.weeks(), program.mobilityFocus, program.armsFocus,
                program.supersetStart, program.version,
                plan == null ? List.of() : cycle(plan),
                plan == null ? List.of() : plan.swaps().stream().map(ProgramMapper::swap).toList());
    }

    static NextSessionResponse nextSession(NextSession next) {
        return new NextSessionResponse(next.programId(), next.memberId(), next.week(), next.deload(),
                next.sessionIndex(), next.name(), next.blocks().stream()
                        .map(block -> new NextSessionResponse.Block(block.type(), block.note(),
                                block.prescriptions().stream().map(ProgramMapper::loaded).toList()))
                        .toList(),
                new NextSessionResponse.Progress(next.progress().revision(), next.progress().computedAt(),
                        next.progress().ageSeconds(), next.progress().stale()),
                next.notes());
    }

    private static NextSessionResponse.LoadedPrescription loaded(NextSession.Loaded loaded) {
        Prescription p = loaded.prescription();
        return new NextSessionResponse.LoadedPrescription(p.exerciseId(), p.name(), p.sets(), p.setsMax(),
                p.repsMin(), p.repsMax(), p.seconds(), p.secondsMax(), p.perSide(), p.restSeconds(), p.toFailure(),
                p.targetRir(), p.rationale(), loaded.loadKg(), loaded.loadReason());
    }

    static ProgramSummary summary(Program program) {
        return new ProgramSummary(program.id, program.memberId, program.goal, program.weakPoint, program.status,
                program.createdAt);
    }

    private static List<SessionPlan> sessions(List<PlannedSession> sessions) {
        return sessions.stream().map(ProgramMapper::session).toList();
    }

    private static List<WeekPlan> cycle(GeneratedProgram plan) {
        return plan.cycle().stream().map(week -> new WeekPlan(week.week(), week.deload(), sessions(week.sessions())))
                .toList();
    }

    private static SwapMade swap(Swap s) {
        return new SwapMade(s.exerciseId(), s.replacementExerciseId(), s.sessionIndex(), s.swappedAt());
    }

    private static List<SubstitutionMade> substitutions(GeneratedProgram plan) {
        return plan.substitutions().stream().map(ProgramMapper::substitution).toList();
    }

    private static SessionPlan session(PlannedSession session) {
        return new SessionPlan(session.name(), session.blocks().stream().map(ProgramMapper::block).toList());
    }

    private static BlockPlan block(Block block) {
        return new BlockPlan(block.type(), block.prescriptions().stream().map(ProgramMapper::prescription).toList(),
                block.note());
    }

    private static PrescriptionPlan prescription(Prescription p) {
        return new PrescriptionPlan(p.exerciseId(), p.name(), p.sets(), p.repsMin(), p.repsMax(), p.seconds(),
                p.perSide(), p.restSeconds(), p.toFailure(), p.targetRir(), p.rationale(), p.setsMax(),
                p.secondsMax(), p.slot(), p.alternatives().stream()
                        .map(a -> new AlternativePlan(a.exerciseId(), a.name())).toList());
    }

    private static SubstitutionMade substitution(Substitution s) {
        return new SubstitutionMade(s.slot(), s.originalExerciseId(), s.replacementExerciseId(), s.reason());
    }

    private static <E extends Enum<E>> Set<E> copy(Set<E> values, Class<E> type) {
        return values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
    }
}
