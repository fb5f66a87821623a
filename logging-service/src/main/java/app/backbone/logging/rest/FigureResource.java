package app.backbone.logging.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.backbone.common.CallerTenant;
import app.backbone.common.MemberIds;
import app.backbone.common.ProblemException;
import app.backbone.common.Roles;
import app.backbone.logging.domain.figures.ExerciseFacts;
import app.backbone.logging.domain.figures.ExerciseHistory;
import app.backbone.logging.domain.figures.IsoWeek;
import app.backbone.logging.service.FigureReader;

/** Training volume and progression of the caller's tenant's members. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Figures")
public class FigureResource {

    private static final int MAX_WEEKS = 520;
    private static final int DEFAULT_WEEKS = 12;

    private final CallerTenant tenant;
    private final FigureReader figures;
    private final Clock clock;

    public FigureResource(CallerTenant tenant, FigureReader figures, Clock clock) {
        this.tenant = tenant;
        this.figures = figures;
        this.clock = clock;
    }

    @GET
    @Path("/members/{memberId}/volume")
    @RolesAllowed({Roles.TRAINER, Roles.INTEGRATION})
    @Operation(summary = "Per ISO week (UTC): sessions, working sets, reps, tonnageKg, hard sets and sessions per "
            + "muscle, pull:push ratio; one entry per week from the week of 'from' to the week of 'to'")
    public VolumeResponse volume(
            @PathParam("memberId") @Pattern(regexp = MemberIds.PATTERN, message = MemberIds.MESSAGE) String memberId,
            @QueryParam("from") @Parameter(description = "A day in the first week; default 11 weeks before 'to'")
            LocalDate from,
            @QueryParam("to") @Parameter(description = "A day in the last week; default today (UTC)") LocalDate to) {
        LocalDate last = to == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                : DayParams.supported("to", to);
        LocalDate first = from == null ? last.minusWeeks(DEFAULT_WEEKS - 1) : DayParams.supported("from", from);
        if (first.isAfter(last)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (ChronoUnit.WEEKS.between(first, last) >= MAX_WEEKS) {
            throw ProblemException.invalid("from", "the range may span at most " + MAX_WEEKS + " weeks");
        }
        IsoWeek firstWeek = IsoWeek.of(first);
        IsoWeek lastWeek = IsoWeek.of(last);
        return FigureMapper.volume(memberId, firstWeek, lastWeek,
                figures.weeks(tenant.id(), memberId, firstWeek, lastWeek));
    }

    @GET
    @Path("/members/{memberId}/progression")
    @RolesAllowed({Roles.TRAINER, Roles.INTEGRATION})
    @Operation(summary = "One exercise over time: best e1RM, top set and tonnage per session, the records and the "
            + "double-progression recommendation (INCREASE, DELOAD or HOLD with nextLoadKg and a reason)")
    public ProgressionResponse progression(
            @PathParam("memberId") @Pattern(regexp = MemberIds.PATTERN, message = MemberIds.MESSAGE) String memberId,
            @QueryParam("exerciseId") @NotBlank(message = "is required") @Size(max = 100) String exerciseId) {
        ExerciseHistory history = figures.history(tenant.id(), memberId, exerciseId)
                .orElseThrow(() -> ProblemException.notFound(
                        "Member '" + memberId + "' has no sessions of '" + exerciseId + "'."));
        ExerciseFacts facts = figures.facts(Set.of(exerciseId)).get(exerciseId);
        return FigureMapper.progression(memberId, history, history.recommendation(facts));
    }

    @GET
    @Path("/members/{memberId}/records")
    @RolesAllowed({Roles.TRAINER, Roles.INTEGRATION})
    @Operation(summary = "A member's records per exercise: heaviest load, best e1RM, most reps at each load, "
            + "best session tonnage")
    public RecordsResponse records(
            @PathParam("memberId") @Pattern(regexp = MemberIds.PATTERN, message = MemberIds.MESSAGE)
            String memberId) {
        return FigureMapper.records(memberId, figures.histories(tenant.id(), memberId));
    }
}
