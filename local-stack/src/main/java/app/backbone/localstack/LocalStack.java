package app.backbone.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import app.backbone.embedded.EmbeddedKafka;
import app.backbone.embedded.EmbeddedPostgres;
import app.backbone.embedded.JwtKeys;
import app.backbone.embedded.TokenMinter;

/**
 * The whole platform on one machine: embedded PostgreSQL (one database per service) and KRaft Kafka with their
 * data kept in the home directory, and each service as its own process. Closing it stops everything.
 */
public final class LocalStack implements AutoCloseable {

    /** The tenant the printed token is for. */
    public static final String DEMO_TENANT = "demo-gym";
    static final List<String> DEMO_ROLES = List.of("admin", "trainer", "integration");
    static final Duration DEMO_TOKEN_LIFETIME = Duration.ofHours(24);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /** Long enough for a service's first clean exit after a build, which writes its startup cache. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);
    private static final String CATALOG_SERVICE = "catalog-service";
    /** The secret of logging-service's erasure audit hashes, which its prod profile needs. */
    private static final String ERASURE_SALT = "BACKBONE_LOGGING_ERASURE_SALT";
    private static final String LOCAL_ERASURE_SALT = "local-stack-erasure-salt";
    /** The key webhook-service encrypts signing secrets with, which its prod profile needs. */
    private static final String WEBHOOK_SECRET_KEY = "BACKBONE_WEBHOOKS_SECRET_KEY";

    private final StackSettings settings;
    private final PrintStream out;
    private final Map<String, String> postgresSettings;
    private final List<ServiceProcess> services = new ArrayList<>();
    private FileChannel lockChannel;
    private FileLock lock;
    private EmbeddedPostgres postgres;
    private EmbeddedKafka kafka;
    private JwtKeys keys;
    private String demoToken;
    private String webhookSecretKey;

    /** A stack whose PostgreSQL runs with fsync and synchronous_commit off, as {@code ./backbone up}'s does. */
    public LocalStack(StackSettings settings, PrintStream out) {
        this(settings, out, Map.of());
    }

    /**
     * A stack whose PostgreSQL runs with other server settings, e.g. {@code fsync=on} for a benchmark.
     *
     * @param postgresSettings PostgreSQL server settings added to, or replacing, the defaults
     */
    public LocalStack(StackSettings settings, PrintStream out, Map<String, String> postgresSettings) {
        this.settings = settings;
        this.out = out;
        this.postgresSettings = Map.copyOf(postgresSettings);
    }

    /** Starts everything and waits until every service is ready; on failure stops what it started. */
    public void start() throws Exception {
        Files.createDirectories(settings.logDir());
        acquireLock();
        try {
            checkPortsFree();
            keys = JwtKeys.loadOrCreate(settings.jwtDir());
            webhookSecretKey = loadOrCreateWebhookKey();
            demoToken = token(DEMO_TENANT, DEMO_ROLES, DEMO_TOKEN_LIFETIME);
            Files.writeString(settings.demoTokenFile(), demoToken + System.lineSeparator());
            step("PostgreSQL on port " + settings.postgresPort(), () -> {
                postgres = EmbeddedPostgres.start(postgresData(), settings.postgresPort(), postgresSettings);
                for (StackSettings.Service service : settings.services()) {
                    if (service.database() != null) {
                        postgres.createDatabase(service.database());
                    }
                }
            });
            step("Kafka on port " + settings.kafkaPort(), () -> kafka = EmbeddedKafka.start(
                    settings.home().resolve("kafka"), settings.kafkaPort(), settings.controllerPort()));
            step("the services (logs in " + settings.logDir() + ")", () -> {
                // catalog-service first: once it is ready its topic exists, which the others subscribe to. A
                // consumer that subscribes before the topic exists gets its partitions only at a later rebalance
                // (about half a minute later in a test), and the others are not ready before they have read the
                // library.
                for (StackSettings.Service service : settings.services()) {
                    services.add(launch(service));
                    if (service.name().equals(CATALOG_SERVICE)) {
                        services.get(services.size() - 1).awaitReady(READY_TIMEOUT);
                    }
                }
                for (ServiceProcess service : services) {
                    service.awaitReady(READY_TIMEOUT);
                }
            });
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private ServiceProcess launch(StackSettings.Service service) throws IOException {
        return launch(service, environmentOf(service), service.name());
    }

    private ServiceProcess launch(StackSettings.Service service, Map<String, String> environment, String logName)
            throws IOException {
        Path jar = service.jar(settings.root());
        List<String> options = new ArrayList<>(settings.serviceJavaOptions());
        if (settings.startupCache()) {
            options.addAll(StartupCache.options(settings.serviceJavaHome(), settings.startupCacheDir(),
                    service.name(), jar));
        }
        return ServiceProcess.launch(service, settings.serviceJavaHome(), jar, options, environment,
                settings.logDir().resolve(logName + ".log"));
    }

    /**
     * Starts another instance of a service of this stack on its own port, with the stack's settings for it changed
     * by {@code overrides} (an empty value removes a setting), and waits until it is ready: a replica that trusts
     * another token issuer, say, or a dashboard that signs in through an identity provider. Its log is
     * {@code <service>-<port>.log}; the caller stops it.
     */
    public ServiceProcess startInstance(String name, int port, Map<String, String> overrides) throws Exception {
        StackSettings.Service instance = new StackSettings.Service(name, service(name).service().database(), port);
        Map<String, String> environment = environmentOf(instance);
        overrides.forEach((key, value) -> {
            if (value.isEmpty()) {
                environment.remove(key);
            } else {
                environment.put(key, value);
            }
        });
        ServiceProcess process = launch(instance, environment, name + "-" + port);
        try {
            process.awaitReady(READY_TIMEOUT);
        } catch (Exception | Error e) {
            process.kill();
            throw e;
        }
        return process;
    }

    private Map<String, String> environmentOf(StackSettings.Service service) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(service.port()));
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", settings.jwtDir().resolve(JwtKeys.PUBLIC_KEY_FILE).toString());
        env.put("MP_JWT_VERIFY_ISSUER", TokenMinter.DEFAULT_ISSUER);
        if (service.name().equals(StackSettings.DASHBOARD)) {
            // No identity provider here: the dashboard opens signed in with the demo token (its local-only profile).
            env.put("QUARKUS_PROFILE", "local");
            env.put("BACKBONE_DASHBOARD_LOCAL_TOKEN_FILE", settings.demoTokenFile().toString());
            env.put("BACKBONE_DASHBOARD_LOGGING_URL", urlOf("logging-service"));
            env.put("BACKBONE_DASHBOARD_PROGRAM_URL", urlOf("program-service"));
            return env;
        }
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
        env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedPostgres.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put(ERASURE_SALT, System.getenv().getOrDefault(ERASURE_SALT, LOCAL_ERASURE_SALT));
        env.put(WEBHOOK_SECRET_KEY, webhookSecretKey);
        // Receivers on this machine (a developer's, the tests') are loopback and often plain http.
        env.put("BACKBONE_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        return env;
    }

    private String urlOf(String serviceName) {
        return settings.services().stream().filter(s -> s.name().equals(serviceName)).findFirst()
                .map(s -> "http://127.0.0.1:" + s.port()).orElseThrow();
    }

    /**
     * The webhook secret key from the environment, or else the one this home keeps (made on first start): the
     * signing secrets in webhook-service's database can only be read with the key they were stored with.
     */
    private String loadOrCreateWebhookKey() throws IOException {
        String given = System.getenv(WEBHOOK_SECRET_KEY);
        if (given != null && !given.isBlank()) {
            return given.trim();
        }
        Path file = settings.webhookKeyFile();
        if (Files.isRegularFile(file)) {
            return Files.readString(file).trim();
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String encoded = Base64.getEncoder().encodeToString(key);
        Files.writeString(file, encoded + System.lineSeparator());
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system; the home directory's own permissions apply
        }
        return encoded;
    }

    private void acquireLock() throws IOException {
        lockChannel = FileChannel.open(settings.home().resolve("stack.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            lockChannel = null;
            throw new AlreadyRunningException("Backbone is already running with data in " + settings.home()
                    + ". Stop it with Ctrl-C in its terminal, or set BACKBONE_HOME and the BACKBONE_*_PORT "
                    + "variables to run a second, separate stack.");
        }
    }

    private void checkPortsFree() {
        List<Integer> ports = new ArrayList<>(List.of(settings.postgresPort(), settings.kafkaPort(),
                settings.controllerPort()));
        settings.services().forEach(service -> ports.add(service.port()));
        if (new HashSet<>(ports).size() < ports.size()) {
            throw new IllegalStateException("Two servers are given the same port in " + ports
                    + "; see README: BACKBONE_*_PORT.");
        }
        for (int port : ports) {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                probe.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalStateException("Port " + port + " is in use by another program; free it or choose "
                        + "another port (see README: BACKBONE_*_PORT).");
            }
        }
    }

    private void step(String what, Step step) throws Exception {
        long started = System.nanoTime();
        out.print("Starting " + what + " ... ");
        out.flush();
        step.run();
        out.printf("ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** Loads demo members into the demo tenant through the APIs, unless it has members already ({@link DemoData}). */
    public void loadDemoData() throws IOException, InterruptedException {
        new DemoData(URI.create(service(CATALOG_SERVICE).baseUrl()), URI.create(service("program-service").baseUrl()),
                URI.create(service("logging-service").baseUrl()), demoToken, out, Clock.systemUTC())
                .loadUnlessPresent();
    }

    /** Prints where everything is and the demo token. */
    public void printSummary() {
        out.println();
        out.println("Backbone is up. Data: " + settings.home());
        for (ServiceProcess service : services) {
            if (!service.service().name().equals(StackSettings.DASHBOARD)) {
                out.printf("  %-17s %s   Swagger UI: %s/q/swagger-ui%n", service.service().name(),
                        service.baseUrl(), service.baseUrl());
            }
        }
        out.printf("  %-17s jdbc:postgresql://127.0.0.1:%d/{catalog,program,logging,webhook} (user postgres)%n",
                "PostgreSQL", settings.postgresPort());
        out.printf("  %-17s %s%n", "Kafka", kafka.bootstrapServers());
        out.println();
        out.println("Trainer dashboard (signed in to '" + DEMO_TENANT + "'): "
                + service(StackSettings.DASHBOARD).baseUrl() + "/");
        out.println();
        out.println("Token for demo tenant '" + DEMO_TENANT + "' (roles " + String.join(", ", DEMO_ROLES)
                + "; valid " + DEMO_TOKEN_LIFETIME.toHours() + " h), also in " + settings.demoTokenFile() + ":");
        out.println(demoToken);
        out.println();
        out.println("Try: curl -H \"Authorization: Bearer $(cat " + settings.demoTokenFile() + ")\" "
                + services.get(0).baseUrl() + "/exercises");
        out.println("Press Ctrl-C to stop.");
    }

    /** The running service processes, in start order. */
    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** The running process of a service, by module name ({@code catalog-service}, ...). */
    public ServiceProcess service(String name) {
        return services.stream().filter(s -> s.service().name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + name + " in this stack"));
    }

    /** Stops a service gracefully (SIGTERM, then SIGKILL after the grace period). */
    public void stopService(String name) throws InterruptedException {
        service(name).stop(STOP_GRACE);
    }

    /** Kills a service at once (SIGKILL) and waits for the process to be gone. */
    public void killService(String name) throws InterruptedException {
        service(name).kill();
    }

    /**
     * Starts a stopped or killed service again with the same settings and waits until it is ready.
     *
     * @return the time from launch to ready
     */
    public Duration restartService(String name) throws Exception {
        ServiceProcess old = service(name);
        if (old.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        long started = System.nanoTime();
        ServiceProcess fresh = launch(old.service());
        services.set(services.indexOf(old), fresh);
        fresh.awaitReady(READY_TIMEOUT);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Stops the Kafka broker, keeping its data; {@link #startKafka()} brings it back on the same ports. */
    public void stopKafka() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    /** Starts the Kafka broker again on its ports with its data. */
    public void startKafka() throws IOException {
        if (kafka != null) {
            throw new IllegalStateException("Kafka is running");
        }
        kafka = EmbeddedKafka.start(settings.home().resolve("kafka"), settings.kafkaPort(), settings.controllerPort());
    }

    /** Whether the Kafka broker runs (it does unless {@link #stopKafka()} stopped it). */
    public boolean kafkaRunning() {
        return kafka != null;
    }

    /** Kafka's bootstrap servers ({@code 127.0.0.1:port}). */
    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + settings.kafkaPort();
    }

    /** The PostgreSQL server's (postmaster's) process id, from its {@code postmaster.pid}. */
    public long postgresPid() throws IOException {
        return Long.parseLong(Files.readAllLines(postgresData().resolve("postmaster.pid")).get(0).trim());
    }

    private Path postgresData() {
        return settings.home().resolve("postgres");
    }

    /** PostgreSQL's port on 127.0.0.1. */
    public int postgresPort() {
        return settings.postgresPort();
    }

    /** Creates a database in the stack's PostgreSQL unless it exists, for instances that should not share one. */
    public void createDatabase(String name) throws SQLException {
        postgres.createDatabase(name);
    }

    /** The JDBC URL of a service's database ({@code catalog}, {@code program}, {@code logging}). */
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** Mints a token signed with the stack's key. */
    public String token(String tenant, List<String> roles, Duration lifetime) {
        return new TokenMinter(keys.privateKey(), TokenMinter.DEFAULT_ISSUER).mint(tenant, roles, lifetime);
    }

    @Override
    public void close() {
        services.forEach(ServiceProcess::askToStop);
        for (ServiceProcess service : services) {
            try {
                service.awaitStop(STOP_GRACE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                out.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            postgres = null;
        }
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            out.println("Could not release the lock: " + e.getMessage());
        }
        lock = null;
        lockChannel = null;
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /** Another stack holds this home directory. */
    public static final class AlreadyRunningException extends IllegalStateException {
        AlreadyRunningException(String message) {
            super(message);
        }
    }
}
