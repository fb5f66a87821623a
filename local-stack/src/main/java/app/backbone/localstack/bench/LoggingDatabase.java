package app.backbone.localstack.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import app.backbone.embedded.EmbeddedPostgres;

/**
 * The one place the benchmarks look inside a service: how many sessions logging-service has stored for a tenant,
 * read from its database. Change the query here if logging-service's storage changes.
 */
final class LoggingDatabase implements AutoCloseable {

    private static final String STORED_SESSIONS = "SELECT count(*) FROM training_session WHERE tenant_id = ?";

    private final Connection connection;
    private final PreparedStatement count;

    /** Connects to logging-service's database as the embedded cluster's superuser. */
    public LoggingDatabase(String jdbcUrl) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, EmbeddedPostgres.USER, "");
        count = connection.prepareStatement(STORED_SESSIONS);
    }

    public long storedSessions(String tenant) throws SQLException {
        count.setString(1, tenant);
        try (ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
