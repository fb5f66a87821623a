package app.backbone.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.backbone.embedded.JwtKeys;
import app.backbone.embedded.TokenMinter;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;

class VerifiedTokensTest {

    private final JwtKeys keys = JwtKeys.generate();
    private final JWTAuthContextInfo context = new JWTAuthContextInfo(keys.publicKey(), TokenMinter.DEFAULT_ISSUER);
    private final TokenMinter minter = new TokenMinter(keys.privateKey(), TokenMinter.DEFAULT_ISSUER);
    private final SettableClock clock = new SettableClock(Instant.now());
    private final VerifiedTokens tokens = new VerifiedTokens(() -> 10_000, clock);

    @Test
    void aValidTokenIsVerifiedOnceAndThenRemembered() throws ParseException {
        String token = minter.mint("gym-1", List.of("trainer"), Duration.ofMinutes(5));
        JWTCallerPrincipal first = tokens.parse(token, context);
        assertEquals("gym-1", first.getClaim("tenant"));
        assertSame(first, tokens.parse(token, context));
        assertEquals(1, tokens.size());
    }

    @Test
    void itsPrincipalsReadEveryClaimAsSmallRyesOwnDo() throws ParseException {
        String token = minter.mint("gym-1", List.of("trainer", "admin"), Duration.ofMinutes(5));
        JWTCallerPrincipal ours = tokens.parse(token, context);
        JWTCallerPrincipal theirs = new DefaultJWTCallerPrincipalFactory().parse(token, context);
        assertEquals(theirs.getClaimNames(), ours.getClaimNames());
        for (String claim : theirs.getClaimNames()) {
            assertEquals((Object) theirs.getClaim(claim), ours.getClaim(claim), claim);
        }
        assertEquals(Set.of("trainer", "admin"), ours.getGroups());
        assertEquals(theirs.getExpirationTime(), ours.getExpirationTime());
        assertEquals(token, ours.getRawToken());
        assertNull(ours.getClaim("absent"));
    }

    @Test
    void aRememberedTokenPastItsExpiryIsVerifiedAgain() throws ParseException {
        String token = minter.mint("gym-1", List.of("trainer"), Duration.ofMinutes(5));
        JWTCallerPrincipal first = tokens.parse(token, context);

        clock.set(clock.instant().plus(Duration.ofMinutes(4)));
        assertSame(first, tokens.parse(token, context));

        clock.set(clock.instant().plus(Duration.ofMinutes(2)));
        JWTCallerPrincipal again = tokens.parse(token, context);
        assertNotSame(first, again);
        assertEquals("gym-1", again.getClaim("tenant"));
    }

    @Test
    void anExpiredTokenIsRefusedEveryTime() {
        String expired = minter.mint("gym-1", List.of("trainer"), Duration.ofMinutes(-10));
        assertThrows(ParseException.class, () -> tokens.parse(expired, context));
        assertThrows(ParseException.class, () -> tokens.parse(expired, context));
        assertEquals(0, tokens.size());
    }

    @Test
    void theCacheHoldsNoMoreThanItsMaximumSize() throws ParseException {
        VerifiedTokens bounded = new VerifiedTokens(() -> 3, clock);
        for (int i = 0; i < 20; i++) {
            bounded.parse(minter.mint("gym-" + i, List.of("trainer"), Duration.ofMinutes(5)), context);
        }
        assertEquals(3, bounded.size());
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedEveryTime() {
        String forged = new TokenMinter(JwtKeys.generate().privateKey(), TokenMinter.DEFAULT_ISSUER)
                .mint("gym-1", List.of("admin"), Duration.ofMinutes(5));
        assertThrows(ParseException.class, () -> tokens.parse(forged, context));
        assertThrows(ParseException.class, () -> tokens.parse(forged, context));
        assertEquals(0, tokens.size());
    }

    @Test
    void aTokenOfAnotherIssuerIsRefusedEveryTime() {
        String foreign = new TokenMinter(keys.privateKey(), "someone-else")
                .mint("gym-1", List.of("admin"), Duration.ofMinutes(5));
        assertThrows(ParseException.class, () -> tokens.parse(foreign, context));
        assertThrows(ParseException.class, () -> tokens.parse(foreign, context));
    }

    /** A clock that stands still until the test moves it. */
    private static final class SettableClock extends Clock {

        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
