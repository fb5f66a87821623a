package app.backbone.testsupport;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;

import app.backbone.embedded.EmbeddedKeycloak;
import app.backbone.embedded.KeycloakRealm;
import app.backbone.embedded.KeycloakRealm.User;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real Keycloak with the realm {@code backbone} and points the service's token verification at it: its
 * JWKS URL as {@code mp.jwt.verify.publickey.location}, its issuer as {@code mp.jwt.verify.issuer}. The realm's users
 * all have the password {@link #PASSWORD}: {@link #TRAINER} and {@link #ADMIN} of tenant {@link #TENANT},
 * {@link #OTHER_TRAINER} of tenant {@link #OTHER_TENANT}, and {@link #WITHOUT_ROLE} of {@link #TENANT} with no
 * Backbone role. A test gets the server in a field annotated {@link InjectKeycloak}.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String TENANT = "gym-kc";
    public static final String OTHER_TENANT = "gym-kc-other";
    public static final String TRAINER = "trainer-kc";
    public static final String ADMIN = "admin-kc";
    public static final String OTHER_TRAINER = "trainer-kc-other";
    public static final String WITHOUT_ROLE = "member-kc";
    public static final String PASSWORD = "backbone-test-password";

    /** Marks the test's field of type {@link EmbeddedKeycloak} that receives the running server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectKeycloak {
    }

    private EmbeddedKeycloak keycloak;

    @Override
    public Map<String, String> start() {
        KeycloakRealm realm = new KeycloakRealm("backbone", List.of(
                new User(TRAINER, PASSWORD, TENANT, List.of("trainer")),
                new User(ADMIN, PASSWORD, TENANT, List.of("admin")),
                new User(OTHER_TRAINER, PASSWORD, OTHER_TENANT, List.of("trainer")),
                new User(WITHOUT_ROLE, PASSWORD, TENANT, List.of())),
                "trainer-dashboard-test-secret", List.of("http://127.0.0.1:8080/*"));
        try {
            keycloak = EmbeddedKeycloak.start(realm, 0);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Keycloak", e);
        }
        return Map.of("mp.jwt.verify.publickey.location", keycloak.jwksUrl(),
                "mp.jwt.verify.issuer", keycloak.issuer());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(keycloak,
                new TestInjector.AnnotatedAndMatchesType(InjectKeycloak.class, EmbeddedKeycloak.class));
    }

    @Override
    public void stop() {
        if (keycloak != null) {
            try {
                keycloak.close();
            } catch (IOException e) {
                throw new IllegalStateException("Could not stop Keycloak", e);
            }
        }
    }
}
