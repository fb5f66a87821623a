package app.backbone.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import app.backbone.embedded.FreePorts;

/**
 * What operators run: the repository's {@code docker-compose.yml} brought up by {@code docker-compose} on a Docker
 * engine, with nothing overridden but the images ({@code BACKBONE_POSTGRES_IMAGE}, {@code BACKBONE_KAFKA_IMAGE},
 * {@code BACKBONE_JRE_IMAGE} from the environment, the official images when unset), the host ports and the required
 * secrets; the services' images are built from their Dockerfiles. Every health check passes, the training journey
 * runs through the published ports, a service container and the broker are stopped and started while sessions are
 * reported, {@code down} and {@code up} keep every datum, and {@code down -v} removes the volumes.
 */
@SystemTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeIT {

    private static final String PROJECT = "backbonecomposeit";
    private static final List<String> SERVICES = List.of(SystemStack.CATALOG, SystemStack.PROGRAM,
            SystemStack.LOGGING, SystemStack.WEBHOOK);
    private static final List<String> CONTAINERS = List.of("postgres", "kafka", SystemStack.CATALOG,
            SystemStack.PROGRAM, SystemStack.LOGGING, SystemStack.WEBHOOK);
    private static final Duration HEALTHY = Duration.ofMinutes(6);
    private static final Duration STORED = Duration.ofMinutes(3);
    private static final Duration REPORT_PAUSE = Duration.ofMillis(250);

    private final SystemStack stack;
    private final Map<String, String> urls = new HashMap<>();
    private Compose compose;
    private Tenant tenant;
    private SessionStream stream;
    private Thread reporter;

    ComposeIT(SystemStack stack) {
        this.stack = stack;
    }

    @BeforeAll
    void configure() throws Exception {
        Map<String, String> settings = new HashMap<>();
        List<Integer> ports = FreePorts.find(SERVICES.size() + 1);
        for (int i = 0; i < SERVICES.size(); i++) {
            String service = SERVICES.get(i);
            settings.put(service.toUpperCase().replace('-', '_') + "_PORT", String.valueOf(ports.get(i)));
            urls.put(service, "http://127.0.0.1:" + ports.get(i));
        }
        settings.put("KAFKA_EXTERNAL_PORT", String.valueOf(ports.get(SERVICES.size())));
        settings.put("BACKBONE_JWT_PUBLIC_KEY_FILE", stack.jwtPublicKey().toString());
        settings.put("BACKBONE_LOGGING_ERASURE_SALT", "compose-it");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        settings.put("BACKBONE_WEBHOOKS_SECRET_KEY", Base64.getEncoder().encodeToString(key));
        Path root = Path.of("").toAbsolutePath().getParent();
        compose = new Compose(root.resolve("docker-compose.yml"), PROJECT, settings,
                Path.of("target/compose-logs").toAbsolutePath());
        compose.compose("down", "-v", "--remove-orphans");
    }

    @AfterAll
    void down() throws Exception {
        if (reporter != null) {
            stream.stop(reporter);
        }
        compose.compose("down", "-v", "--remove-orphans");
    }

    @Test
    @Order(1)
    void everyHealthCheckPassesAndTheTrainingJourneyRunsThroughThePublishedPorts() throws Exception {
        long started = System.nanoTime();
        compose.compose("up", "-d", "--build");
        Duration healthy = compose.awaitHealthy(CONTAINERS, HEALTHY);
        System.out.printf("docker-compose up --build: every container healthy %.0f s after the command (%.0f s "
                + "after up returned)%n", (System.nanoTime() - started) / 1e9, healthy.toMillis() / 1e3);

        tenant = Tenant.create(stack, "compose", urls::get);
        stream = new SessionStream(tenant, "member-", 3, 17);
        Map<String, JsonNode> programs = new HashMap<>();
        for (String member : stream.members()) {
            programs.put(member, tenant.createProgram(member, "HYPERTROPHY"));
        }
        reporter = stream.reportInBackground(programs, REPORT_PAUSE);
        await().atMost(STORED).until(() -> stream.storedCount() >= 10);
        for (String member : stream.members()) {
            assertEquals(200, tenant.progression(member, "romanian-deadlift").status(),
                    "progression of " + member + " through the published port");
        }
    }

    @Test
    @Order(2)
    void aServiceContainerAndTheBrokerStoppedAndStartedAgainWhileSessionsAreReportedLoseNothing() throws Exception {
        compose.compose("stop", SystemStack.LOGGING);
        int reported = stream.published();
        await().atMost(STORED).until(() -> stream.published() >= reported + 10);
        compose.compose("start", SystemStack.LOGGING);

        compose.compose("stop", "kafka");
        int beforeBroker = stream.published();
        await().atMost(STORED).until(() -> stream.published() >= beforeBroker + 10);
        compose.compose("start", "kafka");
        compose.awaitHealthy(CONTAINERS, HEALTHY);

        int afterBroker = stream.published();
        await().atMost(STORED).until(() -> stream.published() >= afterBroker + 10);
        stream.stop(reporter);
        reporter = null;
        await().atMost(STORED).until(() -> stream.storedCount() == stream.published());
        stream.assertStoredOnce();
        stream.assertFiguresOfTheFormulas();
        System.out.printf("%d sessions reported through docker-compose's program-service, logging-service and the "
                + "broker stopped and started meanwhile%n", stream.published());
    }

    @Test
    @Order(3)
    void downAndUpAgainKeepsEveryDatum() throws Exception {
        List<String> figures = stream.figures();
        assertEquals(2, compose.volumes().size(), "postgres-data and kafka-data: " + compose.volumes());

        compose.compose("down");
        assertEquals(Map.of(), compose.health(), "no container left");
        compose.compose("up", "-d");
        compose.awaitHealthy(CONTAINERS, HEALTHY);

        assertEquals(stream.published(), stream.storedCount());
        stream.assertStoredOnce();
        assertEquals(figures, stream.figures());
        assertEquals(201, stack.api().post(urls.get(SystemStack.PROGRAM) + "/programs").token(tenant.trainerToken())
                .json(Map.of("memberId", "member-after-restart", "goal", "HYPERTROPHY")).send().status());
    }

    @Test
    @Order(4)
    void downWithVolumesRemovesTheData() throws Exception {
        compose.compose("down", "-v");
        assertEquals(Map.of(), compose.health());
        assertTrue(compose.volumes().isEmpty(), "volumes left: " + compose.volumes());
    }
}
