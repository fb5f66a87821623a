package app.backbone.common;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /ping}, in every service: answers {@code 204} once the caller's token has passed the same checks as
 * every endpoint's (signature, role, tenant claim) and does nothing else, so that a benchmark can measure what the
 * HTTP stack and those checks cost, the ceiling of the service's real endpoints.
 */
@Path("/ping")
@Tag(name = "Ping")
public class PingResource {

    private final CallerTenant tenant;

    public PingResource(CallerTenant tenant) {
        this.tenant = tenant;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.TRAINER, Roles.INTEGRATION})
    @Operation(summary = "Nothing, authenticated as every endpoint is: 204 for a valid token of the tenant's "
            + "admin, trainer or integration")
    public void ping() {
        tenant.id();
    }
}
