package app.backbone.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtContext;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies each bearer token once: a token that passed SmallRye JWT's checks is remembered, by its exact text,
 * until it expires, so a member system calling with the same token does not pay for an RSA signature check and
 * JSON parsing on every request. A token not seen before, or past its expiry, goes through the full verification
 * again. The cache is bounded ({@code backbone.verified-tokens.max-size}); each entry leaves it when its token
 * expires, and the least used go first when it is full. The principals read a custom claim ({@code tenant}) without
 * the exception SmallRye's own throws and catches on every such read.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    /** Settings under {@code backbone.verified-tokens}. */
    @ConfigMapping(prefix = "backbone.verified-tokens")
    public interface Config {

        /** How many verified tokens are remembered at most. */
        @WithDefault("10000")
        long maxSize();
    }

    private final DefaultJWTTokenParser verifier = new DefaultJWTTokenParser();
    private final Cache<String, JWTCallerPrincipal> verified;
    private final Clock clock;

    public VerifiedTokens(Config config, Clock clock) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(config.maxSize())
                .expireAfter(Expiry.<String, JWTCallerPrincipal>creating((token, principal) -> untilExpiry(principal)))
                .build();
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        JWTCallerPrincipal known = verified.getIfPresent(token);
        if (known != null && !untilExpiry(known).isZero()) {
            return known;
        }
        JwtContext context = verifier.parse(token, authContextInfo);
        JWTCallerPrincipal principal = new Principal(context.getJoseObjects().get(0).getHeader("typ"),
                context.getJwtClaims());
        verified.put(token, principal);
        return principal;
    }

    /** How many tokens are remembered now. */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private Duration untilExpiry(JWTCallerPrincipal principal) {
        Duration left = Duration.between(clock.instant(), Instant.ofEpochSecond(principal.getExpirationTime()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * SmallRye's principal, but telling a standard claim name from a custom one by a map lookup instead of
     * {@link Claims#valueOf}, which throws for every custom name.
     */
    static final class Principal extends DefaultJWTCallerPrincipal {

        private static final Map<String, Claims> STANDARD = Arrays.stream(Claims.values())
                .collect(Collectors.toUnmodifiableMap(Claims::name, Function.identity()));

        Principal(String type, JwtClaims claims) {
            super(type, claims);
        }

        @Override
        protected Claims getClaimType(String claimName) {
            return STANDARD.getOrDefault(claimName, Claims.UNKNOWN);
        }
    }
}
