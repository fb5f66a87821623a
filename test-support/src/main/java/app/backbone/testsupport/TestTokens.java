package app.backbone.testsupport;

import java.time.Duration;
import java.util.List;

import app.backbone.embedded.JwtKeys;
import app.backbone.embedded.TokenMinter;

/**
 * Bearer tokens for tests, signed with the key pair that {@link JwtTestResource} makes the service trust.
 * The pair lives in system properties so that every class loader of the test JVM sees the same one.
 */
public final class TestTokens {

    private static final String PRIVATE_KEY_PROPERTY = "backbone.test.jwt.private-key";
    private static final String PUBLIC_KEY_PROPERTY = "backbone.test.jwt.public-key";

    private TestTokens() {
    }

    /** A one-hour token for {@code tenant} with the given roles. */
    public static String token(String tenant, String... roles) {
        return minter().mint(tenant, List.of(roles), Duration.ofHours(1));
    }

    /** A token signed by a key the service does not trust. */
    public static String tokenSignedByStranger(String tenant, String... roles) {
        return new TokenMinter(JwtKeys.generate().privateKey(), TokenMinter.DEFAULT_ISSUER)
                .mint(tenant, List.of(roles), Duration.ofHours(1));
    }

    /** A token that expired a minute ago. */
    public static String expiredToken(String tenant, String... roles) {
        return minter().mint(tenant, List.of(roles), Duration.ofMinutes(-1));
    }

    static synchronized JwtKeys keys() {
        String privatePem = System.getProperty(PRIVATE_KEY_PROPERTY);
        String publicPem = System.getProperty(PUBLIC_KEY_PROPERTY);
        if (privatePem == null || publicPem == null) {
            JwtKeys generated = JwtKeys.generate();
            System.setProperty(PRIVATE_KEY_PROPERTY, generated.privateKeyPem());
            System.setProperty(PUBLIC_KEY_PROPERTY, generated.publicKeyPem());
            return generated;
        }
        return JwtKeys.fromPem(privatePem, publicPem);
    }

    private static TokenMinter minter() {
        return new TokenMinter(keys().privateKey(), TokenMinter.DEFAULT_ISSUER);
    }
}
