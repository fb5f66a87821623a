package app.backbone.dashboard.rest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

import app.backbone.dashboard.client.TrainerToken;
import app.backbone.dashboard.config.DashboardConfig;
import app.backbone.dashboard.domain.TokenClaims;
import app.backbone.dashboard.service.MemberDashboard;
import app.backbone.dashboard.service.MemberReport;

/**
 * A member's progress: weekly volume, e1RM trends with records, recommendations, pull:push against the guide, the
 * current program's next session; and the same as a print layout to hand over.
 */
@Path("/members/{memberId}")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class MemberPageResource {

    /** Spans a trainer can switch between, in weeks. */
    static final List<Integer> SPANS = List.of(12, 26, 52);

    /** The member page, on screen or ({@code print}) for paper. */
    record member(TokenClaims signedIn, MemberReport report, boolean print, List<Integer> spans)
            implements TemplateInstance {
    }

    private final MemberDashboard dashboard;
    private final TrainerToken token;
    private final DashboardConfig config;

    public MemberPageResource(MemberDashboard dashboard, TrainerToken token, DashboardConfig config) {
        this.dashboard = dashboard;
        this.token = token;
        this.config = config;
    }

    @GET
    public Uni<TemplateInstance> page(@PathParam("memberId") String memberId,
            @QueryParam("weeks") @Min(1) @Max(104) Integer weeks) {
        return render(memberId, weeks, false);
    }

    @GET
    @Path("print")
    public Uni<TemplateInstance> print(@PathParam("memberId") String memberId,
            @QueryParam("weeks") @Min(1) @Max(104) Integer weeks) {
        return render(memberId, weeks, true);
    }

    private Uni<TemplateInstance> render(String memberId, Integer weeks, boolean print) {
        if (!memberId.matches(MemberIds.PATTERN)) {
            throw new NotFoundException("No member " + memberId + " in this chain.");
        }
        TokenClaims signedIn = token.claims();
        return dashboard.member(token.bearer(), memberId, weeks == null ? config.weeks() : weeks,
                        LocalDate.now(ZoneOffset.UTC))
                .map(report -> new member(signedIn, report, print, SPANS));
    }
}
