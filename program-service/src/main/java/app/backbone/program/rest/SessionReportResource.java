package app.backbone.program.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.backbone.common.CallerTenant;
import app.backbone.common.Roles;
import app.backbone.program.service.AcceptedReport;
import app.backbone.program.service.SessionReportService;

/** Session reports: what a member did, published as a completed-session event. */
@Path("/programs/{id}/sessions")
@RolesAllowed({Roles.TRAINER, Roles.INTEGRATION})
@Tag(name = "Session reports")
public class SessionReportResource {

    private final CallerTenant tenant;
    private final SessionReportService reports;

    public SessionReportResource(CallerTenant tenant, SessionReportService reports) {
        this.tenant = tenant;
        this.reports = reports;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a completed session of this program",
            description = "Answers 202 once the training.sessions.completed event is stored for publication. "
                    + "The same Idempotency-Key (or sessionId) with the same report answers the same again and "
                    + "publishes nothing more; with a different report it is refused (422).")
    public Response report(@PathParam("id") UUID programId,
            @HeaderParam("Idempotency-Key") @Parameter(description = "Makes retries safe; up to 200 characters")
            @Pattern(regexp = "[\\x21-\\x7E]{1,200}", message = "must be 1-200 visible ASCII characters")
            String idempotencyKey,
            @Valid @NotNull SessionReportRequest request) {
        AcceptedReport accepted = reports.report(tenant.id(), programId, idempotencyKey,
                SessionReportMapper.reported(request));
        return Response.accepted(SessionReportMapper.response(accepted)).build();
    }
}
