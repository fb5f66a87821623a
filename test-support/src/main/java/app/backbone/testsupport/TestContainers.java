package app.backbone.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import app.backbone.embedded.FreePorts;

/**
 * PostgreSQL and Kafka as containers of a Docker engine, for the test resources when {@code BACKBONE_TEST_CONTAINERS}
 * is {@code true}. The images are {@code BACKBONE_TEST_POSTGRES_IMAGE} and {@code BACKBONE_TEST_KAFKA_IMAGE}, by
 * default the official ones the Compose file uses; any image honouring the same settings will do (the official
 * images' environment variables, {@code pg_isready}, Kafka's start-up log line).
 */
public final class TestContainers {

    static final String USER = "backbone";
    static final String PASSWORD = "backbone-test";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private TestContainers() {
    }

    /** Whether the test resources start containers instead of embedded servers. */
    public static boolean enabled() {
        return Boolean.parseBoolean(System.getenv().getOrDefault("BACKBONE_TEST_CONTAINERS", "false"));
    }

    /** A started PostgreSQL container with the database {@code database}, owned by {@link #USER}. */
    static GenericContainer<?> postgres(String database) {
        GenericContainer<?> postgres = new GenericContainer<>(image("BACKBONE_TEST_POSTGRES_IMAGE", "postgres:18"))
                .withEnv("POSTGRES_USER", USER)
                .withEnv("POSTGRES_PASSWORD", PASSWORD)
                .withExposedPorts(5432)
                .waitingFor(Wait.forSuccessfulCommand("pg_isready -h 127.0.0.1 -U " + USER)
                        .withStartupTimeout(START_TIMEOUT));
        postgres.start();
        try (Connection connection = DriverManager.getConnection(jdbcUrl(postgres, "postgres"), USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            postgres.stop();
            throw new IllegalStateException("Could not create the database " + database + " in the container", e);
        }
        return postgres;
    }

    static String jdbcUrl(GenericContainer<?> postgres, String database) {
        return "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/" + database;
    }

    /**
     * A started single-node KRaft broker whose client listener is published on a free port of the host, as the
     * embedded broker is configured (automatic topics, four partitions by default, replication 1).
     */
    static GenericContainer<?> kafka() {
        int port = FreePorts.find();
        GenericContainer<?> kafka = new GenericContainer<>(image("BACKBONE_TEST_KAFKA_IMAGE", "apache/kafka:4.2.1"))
                .withEnv(Map.ofEntries(
                        Map.entry("CLUSTER_ID", "YmFja2JvbmUtdGVzdHMtMQ"),
                        Map.entry("KAFKA_NODE_ID", "1"),
                        Map.entry("KAFKA_PROCESS_ROLES", "broker,controller"),
                        Map.entry("KAFKA_LISTENERS", "CLIENT://:9092,BROKER://:9094,CONTROLLER://:9093"),
                        Map.entry("KAFKA_ADVERTISED_LISTENERS",
                                "CLIENT://127.0.0.1:" + port + ",BROKER://localhost:9094"),
                        Map.entry("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP",
                                "CLIENT:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                        Map.entry("KAFKA_INTER_BROKER_LISTENER_NAME", "BROKER"),
                        Map.entry("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER"),
                        Map.entry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@localhost:9093"),
                        Map.entry("KAFKA_NUM_PARTITIONS", "4"),
                        Map.entry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true"),
                        Map.entry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1"),
                        Map.entry("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "4"),
                        Map.entry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1"),
                        Map.entry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1"),
                        Map.entry("KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "4"),
                        Map.entry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1"),
                        Map.entry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1"),
                        Map.entry("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")))
                .withExposedPorts(9092)
                .waitingFor(Wait.forLogMessage(".*Kafka Server started.*", 1).withStartupTimeout(START_TIMEOUT));
        kafka.setPortBindings(List.of("127.0.0.1:" + port + ":9092"));
        kafka.start();
        return kafka;
    }

    static String bootstrapServers(GenericContainer<?> kafka) {
        return "127.0.0.1:" + kafka.getMappedPort(9092);
    }

    private static DockerImageName image(String variable, String official) {
        String name = System.getenv().getOrDefault(variable, official);
        String officialName = DockerImageName.parse(official).getUnversionedPart();
        return DockerImageName.parse(name).asCompatibleSubstituteFor(officialName);
    }
}
