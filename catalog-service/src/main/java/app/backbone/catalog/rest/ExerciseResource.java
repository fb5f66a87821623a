package app.backbone.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.backbone.catalog.domain.Exercise;
import app.backbone.common.CallerTenant;
import app.backbone.common.Page;
import app.backbone.common.PageParams;
import app.backbone.common.ProblemException;
import app.backbone.common.Roles;

/** Reads the exercise library as the caller's tenant sees it. */
@Path("/exercises")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.TRAINER, Roles.INTEGRATION})
@Tag(name = "Exercises")
public class ExerciseResource {

    private final CallerTenant tenant;

    public ExerciseResource(CallerTenant tenant) {
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "List the exercises the caller's tenant can use: the global library and its own")
    public Page<ExerciseResponse> list(@Valid @BeanParam PageParams page) {
        String tenantId = tenant.id();
        return new Page<>(Exercise.visibleTo(tenantId, page.page, page.size), page.page, page.size,
                Exercise.countVisibleTo(tenantId)).map(ExerciseResponse::from);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One exercise, if the caller's tenant can see it")
    public ExerciseResponse get(@PathParam("id") String id) {
        return Exercise.findVisible(id, tenant.id())
                .map(ExerciseResponse::from)
                .orElseThrow(() -> ProblemException.notFound("No exercise '" + id + "'."));
    }
}
