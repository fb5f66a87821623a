package app.backbone.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.backbone.embedded.JwtKeys;
import app.backbone.embedded.TokenMinter;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

class CallerTenantTest {

    private final JwtKeys keys = JwtKeys.generate();
    private final TokenMinter minter = new TokenMinter(keys.privateKey(), TokenMinter.DEFAULT_ISSUER);

    @Test
    void theTenantIsTheTokensTenantClaim() throws ParseException {
        assertEquals("gym-1", tenantOf("gym-1"));
        assertEquals("t".repeat(64), tenantOf("t".repeat(64)));
    }

    @Test
    void aTokenWithoutAWellFormedTenantIsRefused() {
        for (String tenant : new String[] {null, "", "gym 1", "gym/1", "t".repeat(65)}) {
            assertThrows(UnauthorizedException.class, () -> tenantOf(tenant), String.valueOf(tenant));
        }
    }

    private String tenantOf(String tenant) throws ParseException {
        String token = minter.mint(tenant, List.of("trainer"), Duration.ofMinutes(5));
        JWTAuthContextInfo context = new JWTAuthContextInfo(keys.publicKey(), TokenMinter.DEFAULT_ISSUER);
        return new CallerTenant(new DefaultJWTCallerPrincipalFactory().parse(token, context)).id();
    }
}
