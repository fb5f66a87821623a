package app.backbone.logging.rest;

import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.backbone.common.CallerTenant;
import app.backbone.common.Page;
import app.backbone.common.PageParams;
import app.backbone.common.ProblemException;
import app.backbone.common.Roles;
import app.backbone.common.catalog.CatalogExercise;
import app.backbone.logging.domain.ExerciseAlias;
import app.backbone.logging.domain.imports.ExerciseNames;

/**
 * The tenant's own names for catalog exercises, as other apps write them: an import tries them before the built-in
 * names of Strong and Hevy and the catalog's own names. Names compare ignoring case, accents, punctuation and spacing.
 */
@Path("/exercise-aliases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.TRAINER, Roles.INTEGRATION})
@Tag(name = "Imports")
public class ExerciseAliasResource {

    private final CallerTenant tenant;
    private final Clock clock;

    public ExerciseAliasResource(CallerTenant tenant, Clock clock) {
        this.tenant = tenant;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The tenant's exercise aliases, by name")
    public Page<AliasResponse> list(@Valid @BeanParam PageParams page) {
        String tenantId = tenant.id();
        return new Page<>(ExerciseAlias.ofTenant(tenantId, page.page, page.size), page.page, page.size,
                ExerciseAlias.countOfTenant(tenantId)).map(ExerciseAliasResource::alias);
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Map a name, as another app writes it, to a catalog exercise (created or replaced)")
    public AliasResponse put(@PathParam("name") @Size(max = 200) String name,
            @Valid @NotNull AliasRequest request) {
        String key = key(name);
        String tenantId = tenant.id();
        if (CatalogExercise.usableBy(tenantId).stream().noneMatch(e -> e.id.equals(request.exerciseId()))) {
            throw ProblemException.unprocessable("No catalog exercise '" + request.exerciseId() + "'.",
                    "exerciseId", "must be an exercise of the catalog");
        }
        ExerciseAlias alias = ExerciseAlias.find(tenantId, key).orElseGet(() -> {
            ExerciseAlias created = new ExerciseAlias();
            created.key = new ExerciseAlias.Key(tenantId, key);
            return created;
        });
        alias.name = name.strip();
        alias.exerciseId = request.exerciseId();
        alias.updatedAt = clock.instant();
        alias.persist();
        return alias(alias);
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One alias")
    public AliasResponse get(@PathParam("name") @Size(max = 200) String name) {
        return ExerciseAlias.find(tenant.id(), key(name)).map(ExerciseAliasResource::alias)
                .orElseThrow(() -> ProblemException.notFound("No alias '" + name + "'."));
    }

    @DELETE
    @Path("{name}")
    @Transactional
    @Operation(summary = "Remove an alias")
    public void delete(@PathParam("name") @Size(max = 200) String name) {
        ExerciseAlias alias = ExerciseAlias.find(tenant.id(), key(name))
                .orElseThrow(() -> ProblemException.notFound("No alias '" + name + "'."));
        alias.delete();
    }

    private static String key(String name) {
        String key = ExerciseNames.key(name);
        if (key.isEmpty()) {
            throw ProblemException.invalid("name", "must hold a letter or a digit");
        }
        return key;
    }

    private static AliasResponse alias(ExerciseAlias alias) {
        return new AliasResponse(alias.name, alias.exerciseId, alias.updatedAt);
    }
}
