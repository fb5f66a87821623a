package app.backbone.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * A real PostgreSQL server process from the zonky binaries. With a data directory it keeps its data across
 * restarts; without one it works in a throw-away directory. It runs with fsync and synchronous_commit off (zonky's
 * settings, on its command line) unless {@link #start(Path, int, Map)} is given others.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    /** The superuser the embedded cluster is initialised with (trust authentication on loopback). */
    public static final String USER = "postgres";

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts PostgreSQL.
     *
     * @param dataDir the data directory to keep, or {@code null} for a temporary one removed on close
     * @param port    the port, or 0 for a free one
     */
    public static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
        return start(dataDir, port, Map.of());
    }

    /**
     * Starts PostgreSQL with server settings of its own, e.g. {@code fsync=on}; they go on its command line, where
     * {@code ALTER SYSTEM} cannot change them (per database or per role, settings such as synchronous_commit can).
     *
     * @param dataDir  the data directory to keep, or {@code null} for a temporary one removed on close
     * @param port     the port, or 0 for a free one
     * @param settings server settings added to, or replacing, the defaults
     */
    public static EmbeddedPostgres start(Path dataDir, int port, Map<String, String> settings) throws IOException {
        var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPort(port == 0 ? FreePorts.find() : port);
        settings.forEach(builder::setServerConfig);
        if (dataDir != null) {
            Files.createDirectories(dataDir);
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        }
        return new EmbeddedPostgres(builder.start());
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) throws SQLException {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection connection = server.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
        }
    }

    /** A JDBC URL for the database, without credentials. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
