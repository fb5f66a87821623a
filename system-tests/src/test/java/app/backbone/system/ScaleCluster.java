package app.backbone.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import app.backbone.embedded.EmbeddedKafkaCluster;
import app.backbone.embedded.EmbeddedPostgres;
import app.backbone.embedded.FreePorts;
import app.backbone.embedded.TcpProxy;
import app.backbone.localstack.ServiceProcess;

/**
 * Backbone as a chain runs it at scale, on this machine: a three-node KRaft cluster with SASL/SCRAM (replication 3,
 * {@code min.insync.replicas} 2, no automatic topics) and two instances of every service, which reach the cluster
 * through their normal {@code KAFKA_*} settings as their own SCRAM user and their databases (new ones in the system
 * stack's PostgreSQL) through a {@link TcpProxy} that a test can cut. Tokens are the system stack's.
 */
final class ScaleCluster implements AutoCloseable {

    static final List<String> SERVICES = List.of(SystemStack.CATALOG, SystemStack.PROGRAM, SystemStack.LOGGING,
            SystemStack.WEBHOOK);
    static final String SESSIONS_TOPIC_PREFIX = CompletedSession.TOPIC + ".tenant.";
    static final String CATALOG_TOPIC = "catalog.exercises";
    private static final String SERVICE_USER = "backbone-services";
    private static final String SERVICE_PASSWORD = "backbone-services-secret";
    private static final int INSTANCES = 2;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final SystemStack stack;
    private final EmbeddedKafkaCluster kafka;
    private final TcpProxy database;
    private final Map<String, List<Instance>> instances = new LinkedHashMap<>();
    private final AtomicInteger turn = new AtomicInteger();

    private ScaleCluster(SystemStack stack, EmbeddedKafkaCluster kafka, TcpProxy database) {
        this.stack = stack;
        this.kafka = kafka;
        this.database = database;
    }

    /**
     * Starts the cluster and the instances: both catalog instances at once on an empty database, then, once the
     * global library is on {@code catalog.exercises}, the other six at once.
     */
    static ScaleCluster start(SystemStack stack, Path dir) throws Exception {
        EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.start(dir.resolve("kafka"), 3,
                EmbeddedKafkaCluster.Shutdown.ABRUPT);
        TcpProxy database;
        try {
            database = TcpProxy.start("127.0.0.1", stack.control().postgresPort());
        } catch (IOException | RuntimeException e) {
            kafka.close();
            throw e;
        }
        ScaleCluster cluster = new ScaleCluster(stack, kafka, database);
        try {
            cluster.startInstances();
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void startInstances() throws Exception {
        grantServices();
        List<Integer> ports = FreePorts.find(SERVICES.size() * INSTANCES);
        for (int s = 0; s < SERVICES.size(); s++) {
            String service = SERVICES.get(s);
            stack.control().createDatabase(databaseOf(service));
            List<Instance> replicas = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                replicas.add(new Instance(service, ports.get(s * INSTANCES + i)));
            }
            instances.put(service, replicas);
        }
        startAll(instances(SystemStack.CATALOG));
        awaitLibraryPublished();
        List<Instance> others = new ArrayList<>();
        SERVICES.stream().skip(1).forEach(service -> others.addAll(instances(service)));
        startAll(others);
    }

    /**
     * One SCRAM user for the services, allowed what they do: every topic, consumer group and transactional id, and
     * the cluster's create and describe operations (topic setup). A chain's user gets far less
     * ({@link #addChain}).
     */
    private void grantServices() {
        kafka.createUser(SERVICE_USER, SERVICE_PASSWORD);
        kafka.allow(SERVICE_USER, new ResourcePattern(ResourceType.TOPIC, "*", PatternType.LITERAL), AclOperation.ALL);
        kafka.allow(SERVICE_USER, new ResourcePattern(ResourceType.GROUP, "*", PatternType.LITERAL), AclOperation.ALL);
        kafka.allow(SERVICE_USER, new ResourcePattern(ResourceType.TRANSACTIONAL_ID, "*", PatternType.LITERAL),
                AclOperation.ALL);
        kafka.allow(SERVICE_USER, new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL),
                AclOperation.CREATE, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS,
                AclOperation.IDEMPOTENT_WRITE);
    }

    /**
     * Sets a chain up as the README tells an operator to: a SCRAM user, its own session topic and a literal ACL
     * that lets the user write to that topic only.
     *
     * @return the chain's client settings
     */
    Map<String, Object> addChain(String tenantId, String user, String password) throws Exception {
        kafka.createUser(user, password);
        String topic = SESSIONS_TOPIC_PREFIX + tenantId;
        kafka.admin().createTopics(List.of(new NewTopic(topic, 4, (short) 3)
                .configs(Map.of("min.insync.replicas", "2")))).all().get();
        kafka.allow(user, new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), AclOperation.WRITE,
                AclOperation.DESCRIBE);
        return kafka.clientProperties(user, password);
    }

    /**
     * Waits until {@code catalog.exercises} holds a record of every global exercise, so that the other services'
     * instances start as in a running deployment, on a topic that exists and holds the library (a fresh start, where
     * they wait for it, is what the local stack and {@code ComposeIT} run).
     */
    private void awaitLibraryPublished() throws SQLException {
        long library;
        try (Connection catalog = sql(SystemStack.CATALOG);
             ResultSet count = catalog.createStatement().executeQuery(
                     "SELECT count(*) FROM exercise WHERE scope = 'GLOBAL'")) {
            count.next();
            library = count.getLong(1);
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> Topics.endOffsets(connection(), CATALOG_TOPIC).values()
                .stream().mapToLong(Long::longValue).sum() >= library);
    }

    private void startAll(List<Instance> replicas) throws Exception {
        ExecutorService starts = Executors.newFixedThreadPool(replicas.size());
        try {
            List<Future<?>> started = new ArrayList<>();
            for (Instance instance : replicas) {
                started.add(starts.submit(() -> {
                    instance.start();
                    return null;
                }));
            }
            for (Future<?> start : started) {
                start.get();
            }
        } finally {
            starts.shutdownNow();
        }
    }

    static String databaseOf(String service) {
        return "scale_" + service.substring(0, service.indexOf('-'));
    }

    /** A service's instances, in port order. */
    List<Instance> instances(String service) {
        return instances.get(service);
    }

    /** Every instance of every service. */
    List<Instance> all() {
        return instances.values().stream().flatMap(List::stream).toList();
    }

    /** The base URL of a running instance of the service, each in turn. */
    String url(String service) {
        List<Instance> running = instances(service).stream().filter(Instance::alive).toList();
        if (running.isEmpty()) {
            throw new IllegalStateException("No instance of " + service + " runs");
        }
        return running.get(Math.floorMod(turn.getAndIncrement(), running.size())).url();
    }

    EmbeddedKafkaCluster kafka() {
        return kafka;
    }

    /** What a client signed in as the services' user needs, to read topics as they are. */
    Map<String, Object> connection() {
        return kafka.clientProperties(SERVICE_USER, SERVICE_PASSWORD);
    }

    /** The proxy every instance reaches PostgreSQL through. */
    TcpProxy databaseProxy() {
        return database;
    }

    /** A connection to a service's database, straight to PostgreSQL (not through the proxy). */
    Connection sql(String service) throws SQLException {
        return DriverManager.getConnection(stack.control().jdbcUrl(databaseOf(service)), EmbeddedPostgres.USER, "");
    }

    @Override
    public void close() throws IOException {
        for (Instance instance : all()) {
            try {
                instance.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        kafka.close();
        database.close();
    }

    /** One instance of a service, on its own port; killed and started again on the same port. */
    final class Instance {

        private final String service;
        private final int port;
        private volatile ServiceProcess process;

        private Instance(String service, int port) {
            this.service = service;
            this.port = port;
        }

        /** Starts the instance and waits until it is ready. */
        void start() throws Exception {
            if (alive()) {
                throw new IllegalStateException(this + " runs");
            }
            process = stack.control().startInstance(service, port, environment());
        }

        private Map<String, String> environment() {
            Map<String, String> environment = new HashMap<>(kafka.serviceEnvironment(SERVICE_USER, SERVICE_PASSWORD));
            environment.put("QUARKUS_DATASOURCE_JDBC_URL",
                    "jdbc:postgresql://127.0.0.1:" + database.port() + "/" + databaseOf(service));
            environment.put("BACKBONE_KAFKA_TOPICS_REPLICATION_FACTOR", "3");
            environment.put("BACKBONE_KAFKA_TOPICS_MIN_INSYNC_REPLICAS", "2");
            return environment;
        }

        /** SIGKILL, and wait until the process is gone. */
        void kill() throws InterruptedException {
            if (process != null) {
                process.kill();
            }
        }

        boolean alive() {
            return process != null && process.isAlive();
        }

        /** Whether {@code /q/health/ready} answers 200 now. */
        boolean ready() {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        String service() {
            return service;
        }

        String url() {
            return "http://localhost:" + port;
        }

        @Override
        public String toString() {
            return service + " on port " + port;
        }
    }
}
