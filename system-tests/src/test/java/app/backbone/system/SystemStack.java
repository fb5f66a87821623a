package app.backbone.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import app.backbone.embedded.FreePorts;
import app.backbone.embedded.JwtKeys;
import app.backbone.localstack.LocalStack;
import app.backbone.localstack.ServiceProcess;
import app.backbone.localstack.StackSettings;

/**
 * The platform under test, started once for all system tests as {@code ./backbone up} starts it: PostgreSQL, a
 * KRaft broker, the four packaged services and the trainer dashboard as separate processes, on free ports, with data
 * under {@code system-tests/target/system-stack}. Tests reach it only through HTTP and Kafka.
 */
public final class SystemStack implements AutoCloseable {

    public static final String CATALOG = "catalog-service";
    public static final String PROGRAM = "program-service";
    public static final String LOGGING = "logging-service";
    public static final String WEBHOOK = "webhook-service";
    public static final String DASHBOARD = StackSettings.DASHBOARD;
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(2);

    private final LocalStack stack;
    private final Path home;
    private final Api api = new Api();

    private SystemStack(LocalStack stack, Path home) {
        this.stack = stack;
        this.home = home;
    }

    /** Starts everything on free ports in a fresh home directory and waits until every service is ready. */
    static SystemStack start() throws Exception {
        Path module = Path.of("").toAbsolutePath();
        Path home = module.resolve("target/system-stack");
        deleteRecursively(home);
        Map<String, String> env = new HashMap<>();
        env.put("BACKBONE_HOME", home.toString());
        // Every run starts from a fresh home, so a startup cache would only be trained, never used.
        env.put("BACKBONE_STARTUP_CACHE", "false");
        List<String> servers = List.of("POSTGRES", "KAFKA", "KAFKA_CONTROLLER", "CATALOG", "PROGRAM", "LOGGING",
                "WEBHOOK", "DASHBOARD");
        List<Integer> ports = FreePorts.find(servers.size());
        for (int i = 0; i < servers.size(); i++) {
            env.put("BACKBONE_" + servers.get(i) + "_PORT", String.valueOf(ports.get(i)));
        }
        StackSettings settings = StackSettings.fromEnvironment(module.getParent(), env);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        LocalStack stack = new LocalStack(settings, new PrintStream(progress, true, StandardCharsets.UTF_8));
        long started = System.nanoTime();
        try {
            stack.start();
        } finally {
            System.out.print(progress.toString(StandardCharsets.UTF_8));
        }
        System.out.printf("System stack up in %.1f s; service logs in %s%n", (System.nanoTime() - started) / 1e9,
                home.resolve("logs"));
        return new SystemStack(stack, home);
    }

    /**
     * Brings back what a test left stopped (the broker, a service), so that a failed test does not fail the next.
     *
     * @return what had to be brought back, empty when nothing
     */
    List<String> heal() throws Exception {
        List<String> healed = new ArrayList<>();
        if (!stack.kafkaRunning()) {
            stack.startKafka();
            healed.add("Kafka");
        }
        for (ServiceProcess service : stack.services()) {
            if (!service.isAlive()) {
                stack.restartService(service.service().name());
                healed.add(service.service().name());
            }
        }
        return healed;
    }

    /** The control API of the running stack: stop, kill and restart services, stop and start Kafka. */
    public LocalStack control() {
        return stack;
    }

    /** HTTP calls to the services. */
    public Api api() {
        return api;
    }

    public String url(String service) {
        return stack.service(service).baseUrl();
    }

    public String kafka() {
        return stack.kafkaBootstrapServers();
    }

    /** The PEM public key the stack's services verify its tokens with. */
    public Path jwtPublicKey() {
        return home.resolve("jwt").resolve(JwtKeys.PUBLIC_KEY_FILE);
    }

    /** A bearer token for the tenant with these roles (none for a token without roles). */
    public String token(String tenant, String... roles) {
        return stack.token(tenant, List.of(roles), TOKEN_LIFETIME);
    }

    @Override
    public void close() {
        stack.close();
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
