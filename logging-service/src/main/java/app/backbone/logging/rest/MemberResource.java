package app.backbone.logging.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.backbone.common.CallerTenant;
import app.backbone.common.MemberIds;
import app.backbone.common.Page;
import app.backbone.common.PageParams;
import app.backbone.common.Roles;
import app.backbone.logging.service.MemberActivity;

/** The caller's tenant's members who have stored sessions, for a trainer's overview. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TRAINER, Roles.INTEGRATION})
@Tag(name = "Members")
public class MemberResource {

    private final CallerTenant tenant;
    private final MemberActivity activity;

    public MemberResource(CallerTenant tenant, MemberActivity activity) {
        this.tenant = tenant;
        this.activity = activity;
    }

    @GET
    @Path("members")
    @Operation(summary = "The tenant's members with stored sessions, newest activity first",
            description = "Each with the number of sessions stored and the first and latest session by completion "
                    + "time (ties by member id). Imported sessions count too.")
    public Page<ActiveMemberResponse> list(
            @QueryParam("activeSince") @Parameter(description = "Only members whose latest session completed on "
                    + "or after this UTC day, e.g. 2026-09-01; all if absent") LocalDate activeSince,
            @QueryParam("q") @Pattern(regexp = MemberIds.PATTERN, message = MemberIds.MESSAGE)
            @Parameter(description = "Only members whose id contains this, ignoring case") String search,
            @Valid @BeanParam PageParams page) {
        DayParams.supported("activeSince", activeSince);
        Instant since = activeSince == null ? Instant.EPOCH : activeSince.atStartOfDay(ZoneOffset.UTC).toInstant();
        return activity.page(tenant.id(), since, search == null ? "" : search, page.page, page.size)
                .map(a -> new ActiveMemberResponse(a.memberId(), a.sessions(), a.firstSessionAt(), a.lastSessionAt(),
                        a.lastSessionId()));
    }
}
