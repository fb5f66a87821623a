package app.backbone.program.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.backbone.common.CallerTenant;
import app.backbone.common.MemberIds;
import app.backbone.common.Page;
import app.backbone.common.PageParams;
import app.backbone.common.ProblemException;
import app.backbone.common.Roles;
import app.backbone.program.domain.Program;

/** Reads the programs of the caller's tenant. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TRAINER, Roles.INTEGRATION})
@Tag(name = "Programs")
public class ProgramResource {

    private final CallerTenant tenant;

    public ProgramResource(CallerTenant tenant) {
        this.tenant = tenant;
    }

    @GET
    @Path("/members/{memberId}/programs")
    @Operation(summary = "A member's programs, newest first")
    public Page<ProgramResponse> ofMember(
            @PathParam("memberId") @Pattern(regexp = MemberIds.PATTERN, message = MemberIds.MESSAGE) String memberId,
            @Valid @BeanParam PageParams page) {
        String tenantId = tenant.id();
        return new Page<>(Program.ofMember(tenantId, memberId, page.page, page.size), page.page, page.size,
                Program.countOfMember(tenantId, memberId)).map(ProgramResponse::from);
    }

    @GET
    @Path("/programs/{id}")
    @Operation(summary = "One program of the caller's tenant")
    public ProgramResponse get(@PathParam("id") UUID id) {
        return Program.findOwned(id, tenant.id())
                .map(ProgramResponse::from)
                .orElseThrow(() -> ProblemException.notFound("No program '" + id + "'."));
    }
}
