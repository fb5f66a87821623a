package app.backbone.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds the operator's {@code docker-compose.yml} consistent with the services it deploys, and valid for
 * {@code docker-compose}, without a Docker engine.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path COMPOSE_FILE = ROOT.resolve("docker-compose.yml");
    private static final Path POSTGRES_INIT = ROOT.resolve("deploy/postgres/init");
    private static final String INIT_MOUNT = "./deploy/postgres/init:/docker-entrypoint-initdb.d:ro";
    private static final List<String> SERVICES = List.of("catalog-service", "program-service", "logging-service",
            "webhook-service");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");
    private static final Pattern CREATE_DATABASE =
            Pattern.compile("CREATE\\s+DATABASE\\s+\"?(\\w+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([\\w.-]+)(?::\\d+)?/(\\w+)(\\?.*)?");

    private static JsonNode services;

    /** The trainer dashboard: no database or broker of its own; it calls two of the services. */
    private static final String DASHBOARD = "trainer-dashboard";

    static List<String> serviceNames() {
        return SERVICES;
    }

    static List<String> moduleNames() {
        return Stream.concat(SERVICES.stream(), Stream.of(DASHBOARD)).toList();
    }

    @BeforeAll
    static void readComposeFile() throws IOException {
        assertTrue(Files.isRegularFile(COMPOSE_FILE), "missing " + COMPOSE_FILE);
        services = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE_FILE.toFile()).path("services");
        assertTrue(services.isObject(), "docker-compose.yml has no services");
    }

    @ParameterizedTest
    @MethodSource("moduleNames")
    void serviceListensPublishesAndProbesItsConfiguredPort(String name) throws IOException {
        int port = httpPort(name);
        JsonNode service = service(name);

        String configuredPort = env(service, "QUARKUS_HTTP_PORT");
        if (configuredPort != null) {
            assertEquals(String.valueOf(port), configuredPort, name + " overrides its port inconsistently");
        }
        List<String> published = texts(service.path("ports")).stream().map(ComposeFileTest::containerPort).toList();
        assertTrue(published.contains(String.valueOf(port)), name + " publishes " + published + ", not " + port);

        String probe = String.join(" ", texts(service.path("healthcheck").path("test")));
        assertTrue(probe.contains(":" + port + "/q/health/ready"), name + " health check is not readiness: " + probe);
    }

    @Test
    void eachServiceHasItsOwnDatabaseThatPostgresCreates() throws IOException {
        String postgres = infrastructure("postgres");
        Set<String> created = databasesCreatedAtInit();
        assertTrue(texts(service(postgres).path("volumes")).contains(INIT_MOUNT),
                "postgres does not mount its init scripts as " + INIT_MOUNT);

        Map<String, String> owners = new HashMap<>();
        for (String name : SERVICES) {
            String url = env(service(name), "QUARKUS_DATASOURCE_JDBC_URL");
            assertNotNull(url, name + " sets no QUARKUS_DATASOURCE_JDBC_URL");
            Matcher jdbc = JDBC_URL.matcher(url);
            assertTrue(jdbc.matches(), name + " has an unexpected JDBC URL: " + url);
            assertEquals(postgres, jdbc.group(1), name + " does not connect to the postgres service");
            String database = jdbc.group(2);
            assertTrue(created.contains(database), name + " uses " + database + ", the init scripts create " + created);
            String previous = owners.put(database, name);
            assertNull(previous, previous + " and " + name + " share the database " + database);
            assertNotNull(env(service(name), "QUARKUS_DATASOURCE_USERNAME"), name + " sets no database user");
            assertNotNull(env(service(name), "QUARKUS_DATASOURCE_PASSWORD"), name + " sets no database password");
        }
    }

    @Test
    void servicesBootstrapFromKafkasInternalListener() {
        String kafka = infrastructure("apache/kafka");
        String advertised = env(service(kafka), "KAFKA_ADVERTISED_LISTENERS");
        assertNotNull(advertised, "kafka advertises no listeners");
        String internal = Stream.of(advertised.split(","))
                .map(listener -> listener.substring(listener.indexOf("://") + 3))
                .filter(address -> address.startsWith(kafka + ":"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no listener advertised as " + kafka + ": " + advertised));

        for (String name : SERVICES) {
            assertEquals(internal, env(service(name), "KAFKA_BOOTSTRAP_SERVERS"), name + " bootstrap servers");
        }
    }

    @ParameterizedTest
    @MethodSource("serviceNames")
    void serviceStartsOnlyOnceDatabaseAndBrokerAreHealthy(String name) {
        JsonNode dependsOn = service(name).path("depends_on");
        for (String infrastructure : List.of(infrastructure("postgres"), infrastructure("apache/kafka"))) {
            assertEquals("service_healthy", dependsOn.path(infrastructure).path("condition").asText(),
                    name + " does not wait for a healthy " + infrastructure);
        }
    }

    @Test
    void dashboardCallsTheServicesOnTheirPortsOnceTheyAreHealthyAndRunsOnlyInItsProfile() throws IOException {
        JsonNode dashboard = service(DASHBOARD);
        assertEquals("dashboard", texts(dashboard.path("profiles")).stream().findFirst().orElse(null),
                "the dashboard needs an identity provider, so it runs only when asked for");
        for (String[] called : new String[][] {{"BACKBONE_DASHBOARD_LOGGING_URL", "logging-service"},
                {"BACKBONE_DASHBOARD_PROGRAM_URL", "program-service"}}) {
            assertEquals("http://" + called[1] + ":" + httpPort(called[1]), env(dashboard, called[0]), called[0]);
            assertEquals("service_healthy", dashboard.path("depends_on").path(called[1]).path("condition").asText(),
                    "the dashboard does not wait for a healthy " + called[1]);
        }
        assertNotNull(env(dashboard, "QUARKUS_OIDC_AUTH_SERVER_URL"), "the dashboard is given no identity provider");
    }

    @Test
    void everyContainerHasAHealthCheck() {
        services.properties().forEach(entry -> assertFalse(
                texts(entry.getValue().path("healthcheck").path("test")).isEmpty(),
                entry.getKey() + " has no health check"));
    }

    @ParameterizedTest
    @MethodSource("serviceNames")
    void serviceVerifiesTokensWithAKeyItCanRead(String name) {
        JsonNode service = service(name);
        String location = env(service, "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        assertNotNull(location, name + " sets no MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        String defaultLocation = withDefaults(location);
        if (defaultLocation.startsWith("/")) {
            assertTrue(texts(service.path("volumes")).stream()
                            .anyMatch(volume -> withDefaults(volume).contains(":" + defaultLocation + ":ro")),
                    name + " reads its public key from " + defaultLocation + ", which is not mounted read-only");
        }
    }

    @ParameterizedTest
    @MethodSource("moduleNames")
    void serviceImageExposesItsConfiguredPort(String name) throws IOException {
        JsonNode build = service(name).path("build");
        assertEquals("./" + name, build.path("context").asText(), name + " build context");
        Path dockerfile = ROOT.resolve(name).resolve(build.path("dockerfile").asText());
        assertTrue(Files.isRegularFile(dockerfile), "missing " + dockerfile);

        List<String> exposed = Files.readAllLines(dockerfile).stream()
                .map(String::trim)
                .filter(line -> line.startsWith("EXPOSE "))
                .flatMap(line -> Stream.of(line.substring("EXPOSE ".length()).trim().split("\\s+")))
                .map(ComposeFileTest::containerPort)
                .toList();
        assertTrue(exposed.contains(String.valueOf(httpPort(name))), dockerfile + " exposes " + exposed);
    }

    @ParameterizedTest
    @MethodSource("moduleNames")
    void serviceImageBuildsOnItsDockerfilesBaseUnlessToldOtherwise(String name) throws IOException {
        JsonNode build = service(name).path("build");
        Path dockerfile = ROOT.resolve(name).resolve(build.path("dockerfile").asText());
        String declared = Files.readAllLines(dockerfile).stream()
                .map(String::trim)
                .filter(line -> line.startsWith("ARG BASE_IMAGE="))
                .map(line -> line.substring("ARG BASE_IMAGE=".length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(dockerfile + " declares no ARG BASE_IMAGE"));
        assertEquals(declared, withDefaults(build.path("args").path("BASE_IMAGE").asText()),
                name + " is built on another base than its Dockerfile's by default");
    }

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        Path dockerCompose = onPath("docker-compose").orElseThrow(() -> new AssertionError(
                "docker-compose is not on the PATH: install it (Debian: apt-get install docker-compose), "
                        + "as .ci/run does, to validate docker-compose.yml"));
        assertValid(List.of(dockerCompose.toString(), "-f", COMPOSE_FILE.toString(), "config", "--quiet"));
    }

    private static JsonNode service(String name) {
        JsonNode service = services.path(name);
        assertTrue(service.isObject(), "docker-compose.yml has no service " + name);
        return service;
    }

    /** The name of the one service whose default image (the one operators pull) starts with {@code imagePrefix}. */
    private static String infrastructure(String imagePrefix) {
        List<String> names = new ArrayList<>();
        services.properties().forEach(entry -> {
            if (withDefaults(entry.getValue().path("image").asText()).startsWith(imagePrefix)) {
                names.add(entry.getKey());
            }
        });
        assertEquals(1, names.size(), "services running " + imagePrefix + ": " + names);
        return names.get(0);
    }

    /** An environment variable as written in the file, from either the map or the list form; null if unset. */
    private static String env(JsonNode service, String variable) {
        JsonNode environment = service.path("environment");
        if (environment.isObject()) {
            JsonNode value = environment.get(variable);
            return value == null || value.isNull() ? null : value.asText();
        }
        return texts(environment).stream()
                .filter(entry -> entry.startsWith(variable + "="))
                .map(entry -> entry.substring(variable.length() + 1))
                .findFirst()
                .orElse(null);
    }

    /** The value compose gives {@code text} when no variable is set: each {@code ${VAR:-default}} by its default. */
    private static String withDefaults(String text) {
        return VARIABLE.matcher(text).replaceAll(variable ->
                Matcher.quoteReplacement(variable.group(2) == null ? "" : variable.group(2)));
    }

    /** The container side of a port mapping such as {@code 127.0.0.1:${PORT:-8081}:8081/tcp}. */
    private static String containerPort(String mapping) {
        String port = withDefaults(mapping);
        port = port.substring(port.lastIndexOf(':') + 1);
        int protocol = port.indexOf('/');
        return protocol < 0 ? port : port.substring(0, protocol);
    }

    private static List<String> texts(JsonNode node) {
        if (node.isTextual() || node.isNumber()) {
            return List.of(node.asText());
        }
        return StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static int httpPort(String module) throws IOException {
        Path file = ROOT.resolve(module).resolve("src/main/resources/application.properties");
        assertTrue(Files.isRegularFile(file), "missing " + file);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        String port = properties.getProperty("quarkus.http.port");
        assertNotNull(port, file + " sets no quarkus.http.port");
        return Integer.parseInt(port.trim());
    }

    private static Set<String> databasesCreatedAtInit() throws IOException {
        Set<String> databases = new HashSet<>();
        try (Stream<Path> scripts = Files.list(POSTGRES_INIT)) {
            for (Path script : scripts.filter(path -> path.toString().endsWith(".sql")).toList()) {
                Matcher create = CREATE_DATABASE.matcher(Files.readString(script));
                while (create.find()) {
                    databases.add(create.group(1));
                }
            }
        }
        return databases;
    }

    private static Optional<Path> onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, command))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static void assertValid(List<String> command) throws Exception {
        Result result = run(command);
        assertEquals(0, result.exitCode(), String.join(" ", command) + " rejected the file:\n" + result.output());
    }

    private static Result run(List<String> command) throws Exception {
        Path output = Files.createTempFile("compose-config", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putIfAbsent("BACKBONE_LOGGING_ERASURE_SALT", "compose-file-test");
            builder.environment().putIfAbsent("BACKBONE_WEBHOOKS_SECRET_KEY",
                    "Y29tcG9zZS1maWxlLXRlc3Qta2V5LTMyLWJ5dGVzISE=");
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private record Result(int exitCode, String output) {
    }
}
