package app.backbone.embedded;

import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/** Mints RS256 bearer tokens with the claims Backbone's services read: {@code tenant} and {@code groups}. */
public final class TokenMinter {

    /** The issuer the services expect unless configured otherwise. */
    public static final String DEFAULT_ISSUER = "backbone";

    private final PrivateKey signingKey;
    private final String issuer;

    public TokenMinter(PrivateKey signingKey, String issuer) {
        this.signingKey = signingKey;
        this.issuer = issuer;
    }

    /**
     * A signed token.
     *
     * @param tenant   the chain the caller acts for, or {@code null} for a token without a tenant
     * @param roles    the {@code groups} claim
     * @param lifetime how long the token is valid
     */
    public String mint(String tenant, List<String> roles, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(tenant == null ? "anonymous" : tenant + "-client");
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        NumericDate expiry = NumericDate.now();
        expiry.addSeconds(lifetime.toSeconds());
        claims.setExpirationTime(expiry);
        claims.setStringListClaim("groups", roles);
        if (tenant != null) {
            claims.setClaim("tenant", tenant);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign token", e);
        }
    }
}
