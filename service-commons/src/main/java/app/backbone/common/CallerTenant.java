package app.backbone.common;

import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;

/** The tenant (gym chain) of the current request, always taken from the bearer token's {@code tenant} claim. */
@RequestScoped
public class CallerTenant {

    /** The claim that names the tenant. */
    public static final String CLAIM = "tenant";

    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final JsonWebToken token;

    public CallerTenant(JsonWebToken token) {
        this.token = token;
    }

    /** The tenant id; a token without a well-formed one is refused with 401. */
    public String id() {
        Object claim = token.getClaim(CLAIM);
        String tenant = claim == null ? null : claim.toString();
        if (tenant == null || !TENANT_ID.matcher(tenant).matches()) {
            throw new UnauthorizedException("The token carries no valid tenant claim");
        }
        return tenant;
    }
}
