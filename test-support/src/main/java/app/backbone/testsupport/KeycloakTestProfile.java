package app.backbone.testsupport;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Runs a service against a real Keycloak ({@link KeycloakTestResource}) instead of the test signing key, with a
 * PostgreSQL and a Kafka of its own in place of the module's global test resources. The key set is refetched every
 * minute rather than every ten, so that a test sees a removed key stop verifying without waiting long.
 */
public class KeycloakTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // Quarkus 3.37 still hands this profile the PEM key of the global JwtTestResource, which SmallRye JWT would
        // prefer to the JWKS URL; NONE is SmallRye JWT's own value for "not set".
        return Map.of("mp.jwt.verify.publickey", "NONE", "smallrye.jwt.jwks.refresh-interval", "1");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresTestResource.class, Map.of(), true),
                new TestResourceEntry(KafkaTestResource.class, Map.of(), true),
                new TestResourceEntry(KeycloakTestResource.class, Map.of(), true));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
