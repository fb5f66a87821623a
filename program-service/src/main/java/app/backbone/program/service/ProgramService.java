package app.backbone.program.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.backbone.common.Page;
import app.backbone.common.ProblemException;
import app.backbone.program.domain.Program;
import app.backbone.program.domain.ProgramStatus;
import app.backbone.program.domain.generator.Condition;
import app.backbone.program.domain.generator.Equipment;
import app.backbone.program.domain.generator.GeneratedProgram;
import app.backbone.program.domain.generator.InvalidSpec;
import app.backbone.program.domain.generator.ProgramGenerator;
import app.backbone.program.domain.generator.ProgramSpec;
import app.backbone.program.domain.generator.TemplateLibrary;
import app.backbone.program.domain.generator.WeakPoint;

/** Builds programs from the local catalog and keeps them. */
@ApplicationScoped
public class ProgramService {

    private final ProgramGenerator generator = new ProgramGenerator(TemplateLibrary.loadDefault());
    private final ObjectMapper mapper;
    private final TenantCatalogs catalogs;
    private final Clock clock;

    public ProgramService(ObjectMapper mapper, TenantCatalogs catalogs, Clock clock) {
        this.mapper = mapper;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    /** What the member's program would be, from the exercises the tenant can use now. */
    public GeneratedProgram preview(String tenant, ProgramSpec spec) {
        ReadModelCatalog catalog = catalogs.forTenant(tenant);
        if (catalog.isEmpty()) {
            throw ProblemException.unavailable("Catalog not available",
                    "No exercises have arrived from the catalog yet; try again shortly.");
        }
        try {
            return generator.generate(spec, catalog);
        } catch (InvalidSpec e) {
            throw ProblemException.invalid(e.getMessage(), e.field(), allowed(e));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(e.getMessage());
        }
    }

    /** Generates and stores a program. */
    @Transactional
    public Program create(String tenant, String memberId, ProgramSpec spec) {
        GeneratedProgram plan = preview(tenant, spec);
        Program program = new Program();
        program.id = UUID.randomUUID();
        program.tenantId = tenant;
        program.memberId = memberId;
        program.goal = spec.goal();
        program.status = ProgramStatus.ACTIVE;
        program.weakPoint = spec.weakPoint() == null ? null : spec.weakPoint().name();
        program.equipment = spec.equipment() == null ? null : names(spec.equipment());
        program.conditions = names(spec.conditions());
        program.sessionsPerWeek = spec.sessionsPerWeek();
        program.includeSuperset = spec.includeSuperset();
        program.includeArms = spec.includeArms();
        program.weeks = spec.weeks();
        program.mobilityFocus = spec.mobilityFocus();
        program.armsFocus = spec.armsFocus();
        program.supersetStart = spec.supersetStart();
        program.plan = write(plan);
        // PostgreSQL keeps microseconds: the answer to the create shows what a later read will.
        program.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        program.persist();
        return program;
    }

    /** One of the tenant's programs; another tenant's is not found. */
    public Program get(String tenant, UUID id) {
        return Program.findOwned(id, tenant).orElseThrow(() -> ProblemException.notFound("No program '" + id + "'."));
    }

    /** A page of the member's programs, newest first. */
    public Page<Program> ofMember(String tenant, String memberId, int page, int size) {
        return new Page<>(Program.ofMember(tenant, memberId, page, size), page, size,
                Program.countOfMember(tenant, memberId));
    }

    /** Archives one of the tenant's programs; archiving an archived one changes nothing. */
    @Transactional
    public Program archive(String tenant, UUID id) {
        Program program = get(tenant, id);
        program.status = ProgramStatus.ARCHIVED;
        return program;
    }

    /**
     * Replaces a prescribed exercise by one of its alternatives in every week of the program (only in the session
     * at {@code sessionIndex} when given), once the program is still at {@code expectedVersion} when one is given.
     */
    @Transactional
    public Program swap(String tenant, UUID id, Long expectedVersion, String exerciseId, String replacementExerciseId,
            Integer sessionIndex) {
        Program program = Program.lockOwned(id, tenant)
                .orElseThrow(() -> ProblemException.notFound("No program '" + id + "'."));
        if (expectedVersion != null && expectedVersion != program.version) {
            throw ProblemException.preconditionFailed("Program '" + id + "' is at version " + program.version
                    + ", not " + expectedVersion + "; read it again and decide on the swap anew.");
        }
        if (program.status != ProgramStatus.ACTIVE) {
            throw ProblemException.conflict("Program '" + id + "' is archived; swaps change active programs only.");
        }
        GeneratedProgram plan = plan(program);
        if (plan == null) {
            throw ProblemException.conflict("Program '" + id + "' has no stored plan to change.");
        }
        try {
            program.plan = write(generator.swap(plan, spec(program), catalogs.forTenant(tenant), exerciseId,
                    replacementExerciseId, sessionIndex, clock.instant().truncatedTo(ChronoUnit.MICROS)));
        } catch (InvalidSpec e) {
            throw ProblemException.unprocessable(e.getMessage(), e.field(), allowed(e));
        }
        program.flush();
        return program;
    }

    /** What the program was generated from. */
    public static ProgramSpec spec(Program program) {
        return new ProgramSpec(program.goal, program.weakPoint == null ? null : WeakPoint.valueOf(program.weakPoint),
                program.equipment == null ? null : enums(program.equipment, Equipment.class),
                enums(program.conditions, Condition.class), program.sessionsPerWeek, program.includeSuperset,
                program.includeArms, program.mobilityFocus, program.armsFocus, program.supersetStart, program.weeks);
    }

    /** The stored plan of a program, or {@code null} if it has none. */
    public GeneratedProgram plan(Program program) {
        if (program.plan == null) {
            return null;
        }
        try {
            return mapper.readValue(program.plan, GeneratedProgram.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable plan of program " + program.id, e);
        }
    }

    private String write(GeneratedProgram plan) {
        try {
            return mapper.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise a plan", e);
        }
    }

    private static String allowed(InvalidSpec e) {
        return e.allowed().isEmpty() ? e.getMessage() : "must be one of: " + String.join(", ", e.allowed());
    }

    private static <E extends Enum<E>> Set<E> enums(List<String> names, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        names.forEach(name -> values.add(Enum.valueOf(type, name)));
        return values;
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        List<String> names = new ArrayList<>();
        values.forEach(v -> names.add(v.name()));
        return names;
    }
}
