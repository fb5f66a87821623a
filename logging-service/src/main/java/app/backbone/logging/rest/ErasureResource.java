package app.backbone.logging.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.backbone.common.CallerTenant;
import app.backbone.common.MemberIds;
import app.backbone.common.ProblemException;
import app.backbone.common.Roles;
import app.backbone.logging.service.Member;
import app.backbone.logging.service.MemberErasures;

/** Erases a member's data across the platform, and tells how far it got. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Erasure")
public class ErasureResource {

    private final CallerTenant tenant;
    private final JsonWebToken token;
    private final MemberErasures erasures;

    public ErasureResource(CallerTenant tenant, JsonWebToken token, MemberErasures erasures) {
        this.tenant = tenant;
        this.token = token;
        this.erasures = erasures;
    }

    @DELETE
    @Path("/members/{memberId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Erase the member's data in every service",
            description = "Answers 202 with the erasure's status and its Location once this service has erased its "
                    + "data of the member and asked the others; while an erasure of the member is pending, answers "
                    + "that one. Events of the member that occurred before it and arrive later are dropped.")
    @APIResponse(responseCode = "202", description = "Erasure under way (or already pending)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ErasureResponse.class)))
    public Response erase(
            @PathParam("memberId") @Pattern(regexp = MemberIds.PATTERN, message = MemberIds.MESSAGE) String memberId) {
        ErasureResponse erasure = ErasureMapper.erasure(erasures.request(new Member(tenant.id(), memberId),
                requestedBy()));
        return Response.accepted(erasure).location(URI.create("/members/" + memberId + "/erasure")).build();
    }

    @GET
    @Path("/members/{memberId}/erasure")
    @RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "The member's latest erasure: each service's state, and DONE once all have confirmed")
    public ErasureResponse status(
            @PathParam("memberId") @Pattern(regexp = MemberIds.PATTERN, message = MemberIds.MESSAGE) String memberId) {
        return erasures.latest(new Member(tenant.id(), memberId)).map(ErasureMapper::erasure)
                .orElseThrow(() -> ProblemException.notFound("No erasure of this member."));
    }

    /** Who asked, as the audit keeps it: the token's name ({@code upn}, else {@code preferred_username} or subject). */
    private String requestedBy() {
        String name = token.getName() != null ? token.getName() : token.getSubject();
        return name == null ? "unknown" : name.length() > 200 ? name.substring(0, 200) : name;
    }
}
