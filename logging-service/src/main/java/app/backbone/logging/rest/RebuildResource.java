package app.backbone.logging.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.backbone.common.CallerTenant;
import app.backbone.common.Page;
import app.backbone.common.PageParams;
import app.backbone.common.ProblemException;
import app.backbone.common.Roles;
import app.backbone.logging.domain.FigureRebuildJob;
import app.backbone.logging.service.FigureRebuildJobs;

/** Rebuilds of the tenant's figures from its stored sessions, run as jobs, and how they went. */
@Path("/figures")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Figures")
public class RebuildResource {

    private final CallerTenant tenant;
    private final FigureRebuildJobs rebuilds;

    public RebuildResource(CallerTenant tenant, FigureRebuildJobs rebuilds) {
        this.tenant = tenant;
        this.rebuilds = rebuilds;
    }

    @POST
    @Path("rebuild")
    @Operation(summary = "Recompute the tenant's figures from its stored sessions, in the background",
            description = "Answers at once with the rebuild and its Location. The members are then recomputed one "
                    + "after the other, each in a short transaction of its own: ingest goes on meanwhile, a member's "
                    + "waiting only while that member is recomputed. While a rebuild of the tenant is pending or "
                    + "running, answers that one, with the same Location.")
    @APIResponse(responseCode = "202", description = "Rebuild pending, or one pending or running already; follow it "
            + "at Location", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RebuildResponse.class)))
    public Response rebuild() {
        FigureRebuildJob job = rebuilds.request(tenant.id());
        return Response.accepted(RebuildMapper.rebuild(job)).location(URI.create("/figures/rebuilds/" + job.id))
                .build();
    }

    @GET
    @Path("rebuilds/{id}")
    @Operation(summary = "A rebuild's progress while it runs, then how it ended")
    public RebuildResponse get(@PathParam("id") UUID id) {
        return FigureRebuildJob.of(tenant.id(), id).map(RebuildMapper::rebuild)
                .orElseThrow(() -> ProblemException.notFound("No rebuild " + id + "."));
    }

    @GET
    @Path("rebuilds")
    @Operation(summary = "The tenant's rebuilds, newest first")
    public Page<RebuildResponse> list(@Valid @BeanParam PageParams page) {
        String tenantId = tenant.id();
        return new Page<>(FigureRebuildJob.ofTenant(tenantId, page.page, page.size), page.page, page.size,
                FigureRebuildJob.countOfTenant(tenantId)).map(RebuildMapper::rebuild);
    }
}
