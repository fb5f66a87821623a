package app.backbone.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.backbone.embedded.JwtKeys;
import app.backbone.embedded.TokenMinter;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;

class VerifiedTokensTest {

    private final JwtKeys keys = JwtKeys.generate();
    private final JWTAuthContextInfo context = new JWTAuthContextInfo(keys.publicKey(), TokenMinter.DEFAULT_ISSUER);
    private final VerifiedTokens tokens = new VerifiedTokens(() -> 10_000, Clock.systemUTC());

    @Test
    void aValidTokenIsVerifiedOnceAndThenRemembered() throws ParseException {
        String token = new TokenMinter(keys.privateKey(), TokenMinter.DEFAULT_ISSUER)
                .mint("gym-1", List.of("trainer"), Duration.ofMinutes(5));
        JWTCallerPrincipal first = tokens.parse(token, context);
        assertEquals("gym-1", first.getClaim("tenant"));
        assertSame(first, tokens.parse(token, context));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedEveryTime() {
        String forged = new TokenMinter(JwtKeys.generate().privateKey(), TokenMinter.DEFAULT_ISSUER)
                .mint("gym-1", List.of("admin"), Duration.ofMinutes(5));
        assertThrows(ParseException.class, () -> tokens.parse(forged, context));
        assertThrows(ParseException.class, () -> tokens.parse(forged, context));
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        String foreign = new TokenMinter(keys.privateKey(), "someone-else")
                .mint("gym-1", List.of("admin"), Duration.ofMinutes(5));
        assertThrows(ParseException.class, () -> tokens.parse(foreign, context));
    }
}
