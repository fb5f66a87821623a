package app.backbone.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies each bearer token once: a token that passed SmallRye JWT's checks is remembered, by its exact text,
 * until it expires, so a member system calling with the same token does not pay for an RSA signature check and
 * JSON parsing on every request. A token not seen before, or past its expiry, goes through the full verification
 * again. At most {@value #MAX_TOKENS} tokens are remembered.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    static final int MAX_TOKENS = 10_000;

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final Map<String, JWTCallerPrincipal> verified = new ConcurrentHashMap<>();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        JWTCallerPrincipal known = verified.get(token);
        if (known != null && known.getExpirationTime() > System.currentTimeMillis() / 1000) {
            return known;
        }
        if (known != null) {
            verified.remove(token);
        }
        JWTCallerPrincipal principal = verifier.parse(token, authContextInfo);
        if (verified.size() >= MAX_TOKENS) {
            verified.clear();
        }
        verified.put(token, principal);
        return principal;
    }
}
