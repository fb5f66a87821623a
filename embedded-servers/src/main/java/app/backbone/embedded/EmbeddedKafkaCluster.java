package app.backbone.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.security.scram.ScramLoginModule;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A KRaft Kafka cluster in this JVM: nodes 1 to N, each a combined broker and controller with its own storage,
 * all of them voters of the metadata quorum. Topics are created with replication factor 3 and
 * {@code min.insync.replicas} 2 (fewer on smaller clusters) and never automatically.
 *
 * <p>Every node listens on 127.0.0.1 three times: {@code CLIENT}, SASL_PLAINTEXT with SCRAM-SHA-512, for services
 * and tests ({@link #bootstrapServers()}); {@code INTERNAL}, PLAINTEXT, between brokers; {@code CONTROLLER},
 * PLAINTEXT, for the quorum. The {@code StandardAuthorizer} allows nothing without an ACL, but to the super users:
 * {@link #ADMIN_USER} and {@code User:ANONYMOUS}, the principal of the two unauthenticated internal listeners.
 *
 * <p>{@link #createUser} and {@link #allow} return once every running node applies the change; to learn that of
 * an ACL, {@code allow} sets a new password for one more SCRAM user, {@value #BARRIER_USER}, who has no ACLs.
 * Nodes stop and start again on the same ports and storage, one at a time or all together. Kafka's warnings about
 * nodes it cannot reach, routine here, are logged as errors only.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {

    /** The super user whose SCRAM credential is written when the storage is formatted. */
    public static final String ADMIN_USER = "admin";
    /** {@link #ADMIN_USER}'s password. */
    public static final String ADMIN_PASSWORD = "admin-secret";
    /** The SASL mechanism of the client listener. */
    public static final String SASL_MECHANISM = "SCRAM-SHA-512";
    /** The user whose credential {@link #allow} rewrites to learn when every node has applied an ACL change. */
    public static final String BARRIER_USER = "embedded-cluster-barrier";
    /**
     * How long the controller waits for a node's heartbeat ({@code broker.session.timeout.ms}): after that it fences
     * a crashed node, and only then does it take a new registration from a node that stopped and started again.
     */
    public static final int SESSION_TIMEOUT_MS = 6_000;

    /** How a node stops: the whole cluster uses one way, fixed when its nodes start. */
    public enum Shutdown {
        /** The node hands its partition leaderships over before it stops, as a broker does when told to stop. */
        CONTROLLED,
        /**
         * The node stops without telling the controller, as if it crashed: the partitions it leads have no leader
         * until the controller has missed its heartbeats for {@value EmbeddedKafkaCluster#SESSION_TIMEOUT_MS} ms
         * and fences it.
         */
        ABRUPT
    }

    /** Loggers that warn of every node they cannot reach, and of every node's metrics already registered. */
    private static final String[] UNREACHABLE_NODE_LOGGERS = {"org.apache.kafka.clients.NetworkClient",
        "org.apache.kafka.clients.producer.internals.Sender", "org.apache.kafka.raft.KafkaRaftClient",
        "kafka.server.ReplicaFetcherThread", "com.yammer.metrics.reporting.JmxReporter"};
    private static final ScramCredentialInfo SCRAM = new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Map<Integer, Node> nodes;
    private final Shutdown shutdown;
    private final Admin admin;

    private EmbeddedKafkaCluster(Map<Integer, Node> nodes, Shutdown shutdown) {
        this.nodes = nodes;
        this.shutdown = shutdown;
        this.admin = Admin.create(adminProperties(ADMIN_USER, ADMIN_PASSWORD, bootstrapServers()));
    }

    /** Starts three nodes with controlled shutdown, as {@link #start(Path, int, Shutdown)} does. */
    public static EmbeddedKafkaCluster start(Path dir) throws IOException {
        return start(dir, 3, Shutdown.CONTROLLED);
    }

    /**
     * Formats the storage of nodes that have none yet, starts every node on free loopback ports and waits until
     * all of them are brokers in service.
     *
     * @param dir       holds a directory per node, kept as it is where already formatted
     * @param nodeCount the number of nodes, at least 1
     * @param shutdown  how {@link #stopNode} and {@link #stopAll} stop a node
     */
    public static EmbeddedKafkaCluster start(Path dir, int nodeCount, Shutdown shutdown) throws IOException {
        if (nodeCount < 1) {
            throw new IllegalArgumentException("A cluster needs a node, not " + nodeCount);
        }
        KraftSupport.quietLoggers();
        KraftSupport.quiet(Level.SEVERE, UNREACHABLE_NODE_LOGGERS);
        List<Integer> ports = FreePorts.find(3 * nodeCount);
        Map<Integer, Node> nodes = new TreeMap<>();
        for (int id = 1; id <= nodeCount; id++) {
            int first = 3 * (id - 1);
            nodes.put(id, new Node(id, dir.resolve("node-" + id), ports.get(first), ports.get(first + 1),
                    ports.get(first + 2)));
        }
        EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(nodes, shutdown);
        try {
            String clusterId = Uuid.randomUuid().toString();
            for (Node node : nodes.values()) {
                cluster.prepare(node, clusterId);
            }
            cluster.startAll();
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** Writes the node's configuration and formats its storage, with the admin's credential, unless it has some. */
    private void prepare(Node node, String clusterId) throws IOException {
        Files.createDirectories(node.dir);
        Path configFile = node.dir.resolve("server.properties");
        KraftSupport.writeConfig(configFile, properties(node));
        if (!KraftSupport.isFormatted(node.logDir())) {
            KraftSupport.format(configFile, clusterId,
                    "--add-scram", SASL_MECHANISM + "=[name=" + ADMIN_USER + ",password=" + ADMIN_PASSWORD + "]");
        }
    }

    private Properties properties(Node node) {
        String voters = nodes.values().stream()
                .map(voter -> voter.id + "@127.0.0.1:" + voter.controllerPort)
                .collect(Collectors.joining(","));
        int replicationFactor = Math.min(3, nodes.size());
        int minInSync = Math.max(1, replicationFactor - 1);
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(node.id));
        p.put("controller.quorum.voters", voters);
        p.put("listeners", "CLIENT://127.0.0.1:" + node.clientPort + ",INTERNAL://127.0.0.1:" + node.internalPort
                + ",CONTROLLER://127.0.0.1:" + node.controllerPort);
        p.put("advertised.listeners", "CLIENT://127.0.0.1:" + node.clientPort
                + ",INTERNAL://127.0.0.1:" + node.internalPort);
        p.put("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "INTERNAL");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("sasl.enabled.mechanisms", SASL_MECHANISM);
        p.put("listener.name.client." + SASL_MECHANISM.toLowerCase() + ".sasl.jaas.config",
                ScramLoginModule.class.getName() + " required;");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + ADMIN_USER + ";User:ANONYMOUS");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("controlled.shutdown.enable", String.valueOf(shutdown == Shutdown.CONTROLLED));
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("broker.session.timeout.ms", String.valueOf(SESSION_TIMEOUT_MS));
        p.put("server.max.startup.time.ms", String.valueOf(TIMEOUT.toMillis()));
        p.put("log.dirs", node.logDir().toAbsolutePath().toString());
        p.put("num.partitions", "4");
        p.put("default.replication.factor", String.valueOf(replicationFactor));
        p.put("min.insync.replicas", String.valueOf(minInSync));
        p.put("offsets.topic.replication.factor", String.valueOf(replicationFactor));
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", String.valueOf(replicationFactor));
        p.put("transaction.state.log.min.isr", String.valueOf(minInSync));
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", String.valueOf(replicationFactor));
        p.put("share.coordinator.state.topic.min.isr", String.valueOf(minInSync));
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        return p;
    }

    /** The ids of the nodes, running or not, in order. */
    public List<Integer> nodeIds() {
        return List.copyOf(nodes.keySet());
    }

    /** The {@code host:port} list of every node's SASL client listener. */
    public String bootstrapServers() {
        return nodes.values().stream().map(node -> "127.0.0.1:" + node.clientPort).collect(Collectors.joining(","));
    }

    /** A new, modifiable map of what a Kafka client needs to connect as {@code user}: bootstrap servers and SASL. */
    public Map<String, Object> clientProperties(String user, String password) {
        return new HashMap<>(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, SASL_MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(user, password)));
    }

    /**
     * The connection settings of {@link #clientProperties} as a Quarkus service's configuration properties, which
     * apply to all its Kafka channels: {@code kafka.bootstrap.servers}, {@code kafka.security.protocol},
     * {@code kafka.sasl.mechanism} and {@code kafka.sasl.jaas.config}.
     */
    public Map<String, String> serviceConfig(String user, String password) {
        return clientProperties(user, password).entrySet().stream()
                .collect(Collectors.toMap(e -> "kafka." + e.getKey(), e -> e.getValue().toString()));
    }

    /** {@link #serviceConfig} as environment variables: {@code KAFKA_BOOTSTRAP_SERVERS} and so on. */
    public Map<String, String> serviceEnvironment(String user, String password) {
        return serviceConfig(user, password).entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toUpperCase().replace('.', '_'), Map.Entry::getValue));
    }

    /** An admin client signed in as {@link #ADMIN_USER}, owned by the cluster: do not close it. */
    public Admin admin() {
        return admin;
    }

    /**
     * Creates the SCRAM user, or sets its password, and returns once every running node accepts the password.
     */
    public void createUser(String name, String password) {
        get(admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(name, SCRAM, password))).all());
        awaitSignIn(name, password);
    }

    /**
     * Allows {@code user} the operations on the resources that {@code pattern} matches (a literal name, a
     * {@link org.apache.kafka.common.resource.PatternType#PREFIXED prefix} or every name), from any host, and
     * returns once every running node enforces it.
     */
    public void allow(String user, ResourcePattern pattern, AclOperation... operations) {
        List<AclBinding> bindings = Stream.of(operations)
                .map(operation -> new AclBinding(pattern,
                        new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)))
                .toList();
        get(admin.createAcls(bindings).all());
        createUser(BARRIER_USER, UUID.randomUUID().toString());
    }

    /** The id of the node that leads the partition, as the cluster's metadata has it, or none while it has none. */
    public OptionalInt leaderOf(String topic, int partition) {
        TopicDescription description = get(admin.describeTopics(List.of(topic)).topicNameValues().get(topic));
        TopicPartitionInfo info = description.partitions().stream()
                .filter(candidate -> candidate.partition() == partition)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No partition " + topic + "-" + partition));
        boolean led = info.leader() != null && !info.leader().isEmpty();
        return led ? OptionalInt.of(info.leader().id()) : OptionalInt.empty();
    }

    /**
     * Stops the node the cluster's {@link Shutdown} way and waits until it has stopped; the others keep serving
     * while a majority of nodes runs. Does nothing to a stopped node. A controlled shutdown needs an active
     * controller: once no majority runs, it waits for one for five minutes, so stop the last ones with
     * {@link #stopAll}.
     */
    public synchronized void stopNode(int nodeId) {
        node(nodeId).stop();
    }

    /**
     * Starts the stopped node on its ports and storage and returns once it is a broker in service again and has
     * caught up on every partition it holds a replica of. A majority of the nodes must be running with it. Up to
     * {@link #SESSION_TIMEOUT_MS} after the node stopped, the active controller holds its registration back.
     */
    public synchronized void startNode(int nodeId) {
        Node node = node(nodeId);
        node.start(properties(node));
        awaitReplicated();
    }

    /** Stops every running node, all at once, keeping their data. */
    public synchronized void stopAll() {
        inParallel(nodes.values().stream().filter(Node::running).toList(), Node::stop);
    }

    /** Starts every stopped node, all at once, and returns once they serve and have caught up. */
    public synchronized void startAll() {
        inParallel(nodes.values().stream().filter(node -> !node.running()).toList(),
                node -> node.start(properties(node)));
        awaitReplicated();
    }

    /** Closes the admin client and stops every node, keeping their data. */
    @Override
    public synchronized void close() {
        admin.close(Duration.ofSeconds(5));
        stopAll();
    }

    private Node node(int nodeId) {
        Node node = nodes.get(nodeId);
        if (node == null) {
            throw new IllegalArgumentException("No node " + nodeId + " in " + nodes.keySet());
        }
        return node;
    }

    private static void inParallel(List<Node> nodes, Consumer<Node> action) {
        CompletableFuture<?>[] done = nodes.stream()
                .map(node -> CompletableFuture.runAsync(() -> action.accept(node),
                        task -> new Thread(task, "kafka-node-" + node.id + "-lifecycle").start()))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(done).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Waits until the running nodes are all unfenced brokers, each in the ISR of every partition it holds. */
    private void awaitReplicated() {
        Set<Integer> running = nodes.values().stream().filter(Node::running).map(node -> node.id)
                .collect(Collectors.toSet());
        await("nodes " + running + " to serve and catch up", () -> {
            Set<Integer> brokers = get(admin.describeCluster().nodes()).stream()
                    .map(org.apache.kafka.common.Node::id)
                    .collect(Collectors.toSet());
            if (!brokers.containsAll(running)) {
                return false;
            }
            Set<String> topics = get(admin.listTopics(new ListTopicsOptions().listInternal(true)).names());
            return get(admin.describeTopics(topics).allTopicNames()).values().stream()
                    .flatMap(topic -> topic.partitions().stream())
                    .allMatch(partition -> inSync(partition, running));
        });
    }

    private static boolean inSync(TopicPartitionInfo partition, Set<Integer> running) {
        Set<Integer> isr = partition.isr().stream().map(org.apache.kafka.common.Node::id).collect(Collectors.toSet());
        return partition.replicas().stream()
                .map(org.apache.kafka.common.Node::id)
                .filter(running::contains)
                .allMatch(isr::contains);
    }

    /**
     * Waits until every running node accepts the user's password. Nodes apply metadata in the order it was
     * written, so by then each has applied every change made before the password was set.
     */
    private void awaitSignIn(String user, String password) {
        for (Node node : nodes.values()) {
            if (!node.running()) {
                continue;
            }
            try (Admin probe = Admin.create(adminProperties(user, password, "127.0.0.1:" + node.clientPort))) {
                await(user + " to sign in at node " + node.id, () -> !get(probe.describeCluster().nodes()).isEmpty());
            }
        }
    }

    private static Map<String, Object> adminProperties(String user, String password, String bootstrapServers) {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, SASL_MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(user, password),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    }

    private static String jaasConfig(String user, String password) {
        return ScramLoginModule.class.getName() + " required username=\"" + quoted(user) + "\" password=\""
                + quoted(password) + "\";";
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void await(String what, Callable<Boolean> condition) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.call()) {
                    return;
                }
                last = null;
            } catch (Exception e) {
                last = e;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
        throw new IllegalStateException("Kafka: gave up waiting for " + what, last);
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer in " + TIMEOUT, e);
        }
    }

    /** A node's fixed ports and storage, and its server while it runs. */
    private static final class Node {

        final int id;
        final Path dir;
        final int clientPort;
        final int internalPort;
        final int controllerPort;
        private volatile KafkaRaftServer server;

        Node(int id, Path dir, int clientPort, int internalPort, int controllerPort) {
            this.id = id;
            this.dir = dir;
            this.clientPort = clientPort;
            this.internalPort = internalPort;
            this.controllerPort = controllerPort;
        }

        Path logDir() {
            return dir.resolve("logs");
        }

        boolean running() {
            return server != null;
        }

        /** Blocks until the node is an unfenced broker, which takes a majority of the quorum to be running. */
        void start(Properties properties) {
            if (running()) {
                return;
            }
            KafkaRaftServer started = new KafkaRaftServer(new KafkaConfig(properties), Time.SYSTEM);
            try {
                started.startup();
            } catch (RuntimeException e) {
                started.shutdown();
                started.awaitShutdown();
                throw e;
            }
            server = started;
        }

        void stop() {
            KafkaRaftServer running = server;
            if (running == null) {
                return;
            }
            running.shutdown();
            running.awaitShutdown();
            server = null;
        }
    }
}
