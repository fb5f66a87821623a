package app.backbone.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import app.backbone.embedded.EmbeddedKeycloak.KeyState;
import app.backbone.embedded.EmbeddedKeycloak.SigningKey;
import app.backbone.embedded.KeycloakRealm.User;

class EmbeddedKeycloakTest {

    private static EmbeddedKeycloak keycloak;

    @BeforeAll
    static void start() throws Exception {
        keycloak = EmbeddedKeycloak.start(new KeycloakRealm("backbone",
                List.of(new User("coach", "coach-password", "gym-kc", List.of("trainer")),
                        new User("robot", "robot-password", null, List.of("integration", "admin"))),
                "dashboard-secret", List.of("http://127.0.0.1:8080/*")), 0);
    }

    @AfterAll
    static void stop() throws Exception {
        keycloak.close();
    }

    @Test
    void tokensCarryTenantAndRolesAndVerifyThroughTheJwks() throws Exception {
        JwtClaims coach = verify(keycloak.token("coach", "coach-password"));
        assertEquals(keycloak.issuer(), coach.getIssuer());
        assertEquals("gym-kc", coach.getStringClaimValue("tenant"));
        assertEquals(List.of("trainer"), coach.getStringListClaimValue("groups"));

        JwtClaims robot = verify(keycloak.token("robot", "robot-password"));
        assertFalse(robot.hasClaim("tenant"));
        assertEquals(List.of("admin", "integration"),
                robot.getStringListClaimValue("groups").stream().sorted().toList());
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        assertThrows(IllegalStateException.class, () -> keycloak.token("coach", "guess"));
    }

    @Test
    void aRotatedKeySignsNewTokensWhileTheOldOneVerifiesUntilDisabled() throws Exception {
        String before = keycloak.token("coach", "coach-password");
        SigningKey old = keycloak.signingKey();
        assertEquals(old.kid(), kid(before));

        SigningKey rotated = keycloak.rotateSigningKey(KeyState.PASSIVE);
        assertNotEquals(old, rotated);
        String after = keycloak.token("coach", "coach-password");
        assertEquals(rotated.kid(), kid(after));
        verify(after);
        verify(before);

        keycloak.setKeyState(old, KeyState.DISABLED);
        verify(after);
        assertThrows(InvalidJwtException.class, () -> verify(before));
    }

    /** Verifies a token against the keys the JWKS URL serves now. */
    private static JwtClaims verify(String token) throws InvalidJwtException {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(keycloak.jwksUrl())))
                .setExpectedIssuer(keycloak.issuer())
                .setSkipDefaultAudienceValidation()
                .setRequireExpirationTime()
                .build();
        return consumer.processToClaims(token);
    }

    private static String kid(String token) throws InvalidJwtException {
        JwtContext context = new JwtConsumerBuilder()
                .setSkipAllValidators()
                .setDisableRequireSignature()
                .setSkipSignatureVerification()
                .build()
                .process(token);
        return context.getJoseObjects().get(0).getKeyIdHeaderValue();
    }
}
