package app.backbone.testsupport;

import java.util.Map;

import org.testcontainers.containers.GenericContainer;

import app.backbone.embedded.EmbeddedPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the tests a real PostgreSQL: an embedded server in a throw-away directory, a container when
 * {@code BACKBONE_TEST_CONTAINERS} is {@code true} ({@link TestContainers}), or the external one named by
 * {@code BACKBONE_TEST_DB_URL} (with {@code BACKBONE_TEST_DB_USER} and {@code BACKBONE_TEST_DB_PASSWORD}).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String DATABASE = "backbone_test";

    private EmbeddedPostgres postgres;
    private GenericContainer<?> container;

    @Override
    public Map<String, String> start() {
        String externalUrl = System.getenv("BACKBONE_TEST_DB_URL");
        if (externalUrl != null && !externalUrl.isBlank()) {
            return Map.of("quarkus.datasource.jdbc.url", externalUrl,
                    "quarkus.datasource.username", System.getenv().getOrDefault("BACKBONE_TEST_DB_USER", "postgres"),
                    "quarkus.datasource.password", System.getenv().getOrDefault("BACKBONE_TEST_DB_PASSWORD", ""));
        }
        if (TestContainers.enabled()) {
            container = TestContainers.postgres(DATABASE);
            return Map.of("quarkus.datasource.jdbc.url", TestContainers.jdbcUrl(container, DATABASE),
                    "quarkus.datasource.username", TestContainers.USER,
                    "quarkus.datasource.password", TestContainers.PASSWORD);
        }
        try {
            postgres = EmbeddedPostgres.start(null, 0);
            postgres.createDatabase(DATABASE);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
        }
        return Map.of("quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE),
                "quarkus.datasource.username", EmbeddedPostgres.USER,
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not stop the embedded PostgreSQL", e);
            }
        }
    }
}
