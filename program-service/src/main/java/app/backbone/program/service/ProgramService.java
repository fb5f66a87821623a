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

import app.backbone.common.ProblemException;
import app.backbone.common.ProblemTypes;
import app.backbone.program.domain.Goal;
import app.backbone.program.domain.Program;
import app.backbone.program.domain.ProgramStatus;
import app.backbone.program.domain.generator.Condition;
import app.backbone.program.domain.generator.Equipment;
import app.backbone.program.domain.generator.GeneratedProgram;
import app.backbone.program.domain.generator.ProgramGenerator;
import app.backbone.program.domain.generator.ProgramRequest;
import app.backbone.program.domain.generator.TemplateLibrary;
import app.backbone.program.domain.generator.WeakPoint;

/** Builds programs from the local catalog and keeps them. */
@ApplicationScoped
public class ProgramService {

    private final ProgramGenerator generator = new ProgramGenerator(TemplateLibrary.loadDefault());
    private final ObjectMapper mapper;
    private final TenantCatalogs catalogs;
    private final Clock clock = Clock.systemUTC();

    public ProgramService(ObjectMapper mapper, TenantCatalogs catalogs) {
        this.mapper = mapper;
        this.catalogs = catalogs;
    }

    /** What the member's program would be, from the exercises the tenant can use now. */
    public GeneratedProgram preview(String tenant, ProgramRequest request) {
        ReadModelCatalog catalog = catalogs.forTenant(tenant);
        if (catalog.isEmpty()) {
            throw new ProblemException(503, ProblemTypes.HTTP, "Catalog not available",
                    "No exercises have arrived from the catalog yet; try again shortly.");
        }
        try {
            return generator.generate(request, catalog);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, ProblemTypes.VALIDATION, "Invalid request", e.getMessage());
        }
    }

    /** Generates and stores a program. */
    @Transactional
    public Program create(String tenant, String memberId, ProgramRequest request) {
        GeneratedProgram plan = preview(tenant, request);
        Program program = new Program();
        program.id = UUID.randomUUID();
        program.tenantId = tenant;
        program.memberId = memberId;
        program.goal = request.goal();
        program.status = ProgramStatus.ACTIVE;
        program.weakPoint = request.weakPoint() == null ? null : request.weakPoint().name();
        program.equipment = request.equipment() == null ? null : names(request.equipment());
        program.conditions = names(request.conditions());
        program.sessionsPerWeek = request.sessionsPerWeek();
        program.includeSuperset = request.includeSuperset();
        program.includeArms = request.includeArms();
        program.plan = write(plan);
        // PostgreSQL keeps microseconds: the answer to the create shows what a later read will.
        program.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        program.persist();
        return program;
    }

    /** Archives one of the tenant's programs; archiving an archived one changes nothing. */
    @Transactional
    public Program archive(String tenant, UUID id) {
        Program program = Program.findOwned(id, tenant)
                .orElseThrow(() -> ProblemException.notFound("No program '" + id + "'."));
        program.status = ProgramStatus.ARCHIVED;
        return program;
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

    /** The generator's request from the API's values. */
    public static ProgramRequest request(Goal goal, WeakPoint weakPoint, Set<Equipment> equipment,
            Set<Condition> conditions, int sessionsPerWeek, boolean includeSuperset, boolean includeArms) {
        return new ProgramRequest(goal, weakPoint,
                equipment == null ? null : (equipment.isEmpty() ? EnumSet.noneOf(Equipment.class)
                        : EnumSet.copyOf(equipment)),
                conditions == null || conditions.isEmpty() ? EnumSet.noneOf(Condition.class)
                        : EnumSet.copyOf(conditions),
                sessionsPerWeek, includeSuperset, includeArms);
    }

    private String write(GeneratedProgram plan) {
        try {
            return mapper.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise a plan", e);
        }
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        List<String> names = new ArrayList<>();
        values.forEach(v -> names.add(v.name()));
        return names;
    }
}
