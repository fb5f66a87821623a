package app.backbone.program.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.backbone.common.CallerTenant;
import app.backbone.common.ETags;
import app.backbone.common.MemberIds;
import app.backbone.common.Page;
import app.backbone.common.PageParams;
import app.backbone.common.Roles;
import app.backbone.program.domain.Program;
import app.backbone.program.service.NextSessionService;
import app.backbone.program.service.ProgramService;

/** Programs of the caller's tenant: generate, preview, read, list, swap exercises, archive. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TRAINER, Roles.INTEGRATION})
@Tag(name = "Programs")
public class ProgramResource {

    private final CallerTenant tenant;
    private final ProgramService programs;
    private final NextSessionService nextSessions;

    public ProgramResource(CallerTenant tenant, ProgramService programs, NextSessionService nextSessions) {
        this.tenant = tenant;
        this.programs = programs;
        this.nextSessions = nextSessions;
    }

    @POST
    @Path("/programs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Generate and keep a program for a member")
    @APIResponse(responseCode = "201", description = "The program; its ETag is its version",
            content = @Content(schema = @Schema(implementation = ProgramResponse.class)))
    public Response create(@Valid @NotNull ProgramRequest request) {
        Program program = programs.create(tenant.id(), request.memberId(), ProgramMapper.spec(request));
        return Response.created(URI.create("/programs/" + program.id)).tag(etag(program))
                .entity(ProgramMapper.response(program, programs.plan(program))).build();
    }

    @POST
    @Path("/programs/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The program that POST /programs would create; nothing is stored")
    public ProgramPreview preview(@Valid @NotNull ProgramRequest request) {
        return ProgramMapper.preview(programs.preview(tenant.id(), ProgramMapper.spec(request)));
    }

    @GET
    @Path("/programs/{id}")
    @Operation(summary = "One program of the caller's tenant")
    @APIResponse(responseCode = "200", description = "The program; its ETag is its version",
            content = @Content(schema = @Schema(implementation = ProgramResponse.class)))
    public Response get(@PathParam("id") UUID id) {
        Program program = programs.get(tenant.id(), id);
        return Response.ok(ProgramMapper.response(program, programs.plan(program))).tag(etag(program)).build();
    }

    @GET
    @Path("/programs/{id}/next-session")
    @Operation(summary = "The member's next session of this program, with loads",
            description = "Follows the member's reports of the program (week, deload, session of the week); each "
                    + "prescription carries loadKg and loadReason from the progress learned from logging-service, "
                    + "null with a reason when nothing is known. Answers from what was last learned when "
                    + "logging-service or the broker is away, and says how old it is.")
    public NextSessionResponse nextSession(@PathParam("id") UUID id) {
        return ProgramMapper.nextSession(nextSessions.next(tenant.id(), id));
    }

    @POST
    @Path("/programs/{id}/swaps")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Swap a prescribed exercise for one of its alternatives",
            description = "In every week of the cycle, at the replacement's own dose; only in one session of the "
                    + "week when sessionIndex is given. Later session reports are judged against the new plan. "
                    + "With If-Match, refused (412) unless the program is still at that version.")
    @APIResponse(responseCode = "200", description = "The program with the swap made",
            content = @Content(schema = @Schema(implementation = ProgramResponse.class)))
    public Response swap(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag of the program as last read")
            String ifMatch,
            @Valid @NotNull SwapRequest request) {
        Program program = programs.swap(tenant.id(), id, ETags.version(ifMatch), request.exerciseId(),
                request.replacementExerciseId(), request.sessionIndex());
        return Response.ok(ProgramMapper.response(program, programs.plan(program))).tag(etag(program)).build();
    }

    @DELETE
    @Path("/programs/{id}")
    @Operation(summary = "Archive a program (it stays readable, status ARCHIVED)")
    public Response archive(@PathParam("id") UUID id) {
        programs.archive(tenant.id(), id);
        return Response.noContent().build();
    }

    private static EntityTag etag(Program program) {
        return new EntityTag(Long.toString(program.version));
    }

    @GET
    @Path("/members/{memberId}/programs")
    @Operation(summary = "A member's programs, newest first")
    public Page<ProgramSummary> ofMember(
            @PathParam("memberId") @Pattern(regexp = MemberIds.PATTERN, message = MemberIds.MESSAGE) String memberId,
            @Valid @BeanParam PageParams page) {
        return programs.ofMember(tenant.id(), memberId, page.page, page.size).map(ProgramMapper::summary);
    }
}
