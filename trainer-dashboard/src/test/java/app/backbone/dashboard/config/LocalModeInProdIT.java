package app.backbone.dashboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The packaged dashboard, started as production starts it but with local-only mode switched on by environment,
 * refuses to start.
 */
class LocalModeInProdIT {

    @Test
    void thePackagedAppRefusesToStartWithLocalModeInProd() throws IOException, InterruptedException {
        Path log = Files.createTempFile("dashboard-prod", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        builder.environment().put("QUARKUS_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:9/realms/chain");
        builder.environment().put("QUARKUS_OIDC_CLIENT_ID", "trainer-dashboard");
        builder.environment().put("QUARKUS_OIDC_CREDENTIALS_SECRET", "not-used");
        builder.environment().put("BACKBONE_DASHBOARD_LOGGING_URL", "http://127.0.0.1:9");
        builder.environment().put("BACKBONE_DASHBOARD_PROGRAM_URL", "http://127.0.0.1:9");
        builder.environment().put("BACKBONE_DASHBOARD_LOCAL_TOKEN_FILE", "src/test/resources/trainer-token.txt");
        Process app = builder.start();
        try {
            assertThat(app.waitFor(2, TimeUnit.MINUTES)).as("the app stops by itself").isTrue();
            assertThat(app.exitValue()).isNotZero();
            assertThat(Files.readString(log)).contains("refused in the prod profile");
        } finally {
            app.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
