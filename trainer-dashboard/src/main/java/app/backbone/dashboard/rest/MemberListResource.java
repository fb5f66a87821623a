package app.backbone.dashboard.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

/** The start page: the trainer's chain's members with sessions, newest activity first, searchable and paged. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class MemberListResource {

    /** The member list page. */
    record members(TokenClaims signedIn, MemberList list) implements TemplateInstance {
    }

    private final MemberDashboard dashboard;
    private final TrainerToken token;
    private final DashboardConfig config;

    public MemberListResource(MemberDashboard dashboard, TrainerToken token, DashboardConfig config) {
        this.dashboard = dashboard;
        this.token = token;
        this.config = config;
    }

    @GET
    public Uni<TemplateInstance> list(
            @QueryParam("q") @Pattern(regexp = MemberIds.SEARCH, message = MemberIds.MESSAGE) String q,
            @QueryParam("activeSince") LocalDate activeSince,
            @QueryParam("page") @Min(0) Integer page,
            @QueryParam("size") @Min(1) @Max(200) Integer size) {
        String search = q == null || q.isEmpty() ? null : q;
        int pageSize = size == null ? config.pageSize() : size;
        TokenClaims signedIn = token.claims();
        return dashboard.members(token.bearer(), activeSince, search, page == null ? 0 : page, pageSize)
                .map(p -> new members(signedIn, new MemberList(p, search, activeSince)));
    }
}
