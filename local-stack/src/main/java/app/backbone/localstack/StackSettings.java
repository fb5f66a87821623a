package app.backbone.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack keeps its data and which ports it uses.
 *
 * @param root           the repository checkout, where the services' packaged jars are
 * @param home           the data directory: PostgreSQL and Kafka data, JWT keys, logs, the demo token
 * @param postgresPort   PostgreSQL's port
 * @param kafkaPort      Kafka's client port
 * @param controllerPort Kafka's KRaft controller port
 * @param services       the services to run, in start order
 * @param serviceJavaOptions JVM options for every service process
 * @param serviceJavaHome    the JDK the services run on
 * @param startupCache       whether services start from a class cache trained on an earlier run
 *                           ({@link StartupCache})
 */
public record StackSettings(Path root, Path home, int postgresPort, int kafkaPort, int controllerPort,
        List<Service> services, List<String> serviceJavaOptions, Path serviceJavaHome, boolean startupCache) {

    /** One service: its module directory, database (null for none) and HTTP port. */
    public record Service(String name, String database, int port) {

        Path jar(Path root) {
            return root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        }
    }

    /** The trainer dashboard's module: a web page over the services, with no database of its own. */
    public static final String DASHBOARD = "trainer-dashboard";

    /** Heap and collector for a small service on a small machine (metaspace alone is about 100 MB). */
    static final String DEFAULT_SERVICE_JAVA_OPTS =
            "-Xms32m -Xmx96m -XX:+UseSerialGC -Xss512k -Djdk.nio.maxCachedBufferSize=262144";

    /** The defaults, each overridable by an environment variable (see the README). */
    public static StackSettings fromEnvironment(Path root, Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("BACKBONE_HOME", root.resolve(".backbone").toString()));
        return new StackSettings(root.toAbsolutePath(), home.toAbsolutePath(),
                port(env, "BACKBONE_POSTGRES_PORT", 15432),
                port(env, "BACKBONE_KAFKA_PORT", 19092),
                port(env, "BACKBONE_KAFKA_CONTROLLER_PORT", 19093),
                List.of(new Service("catalog-service", "catalog", port(env, "BACKBONE_CATALOG_PORT", 8081)),
                        new Service("program-service", "program", port(env, "BACKBONE_PROGRAM_PORT", 8082)),
                        new Service("logging-service", "logging", port(env, "BACKBONE_LOGGING_PORT", 8083)),
                        new Service("webhook-service", "webhook", port(env, "BACKBONE_WEBHOOK_PORT", 8084)),
                        new Service(DASHBOARD, null, port(env, "BACKBONE_DASHBOARD_PORT", 8080))),
                List.of(env.getOrDefault("BACKBONE_SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JAVA_OPTS)
                        .trim().split("\\s+")),
                StartupCache.explicitJavaHome(env.get("BACKBONE_SERVICE_JAVA_HOME")).orElseGet(() ->
                        StartupCache.newestJavaHome(Path.of(System.getProperty("java.home")),
                                StartupCache.installedJavaHomes(Path.of("/usr/lib/jvm")))),
                !"false".equalsIgnoreCase(env.getOrDefault("BACKBONE_STARTUP_CACHE", "true").trim()));
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'", e);
        }
    }

    Path jwtDir() {
        return home.resolve("jwt");
    }

    /** The services' JDK as its {@code release} file names it, and whether they start from a trained cache. */
    public String serviceJdk() {
        return StartupCache.describe(serviceJavaHome) + (startupCache ? ", startup cache on" : ", startup cache off");
    }

    /** Where each service's trained startup cache is kept ({@link StartupCache}). */
    public Path startupCacheDir() {
        return home.resolve("startup-cache");
    }

    /** Where the key that encrypts webhook-service's signing secrets is kept, made on first start. */
    Path webhookKeyFile() {
        return home.resolve("webhook-secret-key.txt");
    }

    Path logDir() {
        return home.resolve("logs");
    }

    Path demoTokenFile() {
        return home.resolve("demo-token.txt");
    }
}
