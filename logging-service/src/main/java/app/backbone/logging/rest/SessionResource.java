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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.backbone.common.CallerTenant;
import app.backbone.common.MemberIds;
import app.backbone.common.Page;
import app.backbone.common.PageParams;
import app.backbone.common.ProblemException;
import app.backbone.common.Roles;
import app.backbone.logging.domain.TrainingSession;
import app.backbone.logging.service.ExportService;

/** Reads and exports the completed sessions of the caller's tenant's members. */
@Path("/members/{memberId}/sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TRAINER, Roles.INTEGRATION})
@Tag(name = "Sessions")
public class SessionResource {

    /** The media type of the NDJSON export. */
    public static final String NDJSON = "application/x-ndjson";

    private final CallerTenant tenant;
    private final ExportService export;

    public SessionResource(CallerTenant tenant, ExportService export) {
        this.tenant = tenant;
        this.export = export;
    }

    @GET
    @Path("export")
    @Produces(ImportResource.CSV)
    @Operation(summary = "Every stored session of the member as CSV, one row per set, oldest first",
            description = "Columns: session_id, completed_at (ISO-8601 UTC), program_id, exercise_index (1-based), "
                    + "exercise_id, prescribed_sets, prescribed_reps_min, prescribed_reps_max, set_index (1-based), "
                    + "reps, load_kg, rir, to_failure, seconds, warmup; an empty cell is no value. Streamed; "
                    + "importable with source=BACKBONE. 404 for a member without stored sessions.")
    public StreamingOutput exportCsv(
            @PathParam("memberId") @Pattern(regexp = MemberIds.PATTERN, message = MemberIds.MESSAGE) String memberId) {
        String tenantId = known(memberId);
        return out -> export.csv(tenantId, memberId, out);
    }

    @GET
    @Path("export")
    @Produces(NDJSON)
    @Operation(summary = "Every stored session of the member as NDJSON, oldest first",
            description = "One completed-session document (the training.sessions.completed schema) a line; "
                    + "occurredAt is when logging-service received the session. Streamed. 404 for a member without "
                    + "stored sessions.")
    public StreamingOutput exportNdjson(
            @PathParam("memberId") @Pattern(regexp = MemberIds.PATTERN, message = MemberIds.MESSAGE) String memberId) {
        String tenantId = known(memberId);
        return out -> export.ndjson(tenantId, memberId, out);
    }

    /** The caller's tenant, once the member is known to have sessions there; 404 otherwise. */
    private String known(String memberId) {
        String tenantId = tenant.id();
        if (!export.known(tenantId, memberId)) {
            throw ProblemException.notFound("No sessions of member " + memberId + " are stored.");
        }
        return tenantId;
    }

    @GET
    @Operation(summary = "A member's completed sessions in a date range (UTC days, both inclusive), newest first")
    public Page<SessionResponse> list(
            @PathParam("memberId") @Pattern(regexp = MemberIds.PATTERN, message = MemberIds.MESSAGE) String memberId,
            @QueryParam("from") @Parameter(description = "First day, e.g. 2026-01-05; open if absent") LocalDate from,
            @QueryParam("to") @Parameter(description = "Last day, e.g. 2026-03-29; open if absent") LocalDate to,
            @Valid @BeanParam PageParams page) {
        DayParams.supported("from", from);
        DayParams.supported("to", to);
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("'to' is before 'from'.", "to", "must not be before from");
        }
        Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to == null ? Instant.parse("9999-12-31T00:00:00Z")
                : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        String tenantId = tenant.id();
        return new Page<>(TrainingSession.ofMember(tenantId, memberId, start, end, page.page, page.size), page.page,
                page.size, TrainingSession.countOfMember(tenantId, memberId, start, end)).map(SessionMapper::session);
    }
}
