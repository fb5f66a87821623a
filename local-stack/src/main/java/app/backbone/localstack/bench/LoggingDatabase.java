package app.backbone.localstack.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import app.backbone.embedded.EmbeddedPostgres;

/**
 * The one place the benchmarks look inside a service: how many sessions logging-service has stored for a tenant and
 * how many messages its outbox still holds, read from its database, and, when PostgreSQL loaded
 * {@code pg_stat_statements}, the statements that took its time. Change the queries here if logging-service's
 * storage changes.
 */
final class LoggingDatabase implements AutoCloseable {

    private static final String STORED_SESSIONS = "SELECT count(*) FROM training_session WHERE tenant_id = ?";
    private static final String PENDING_OUTBOX = "SELECT count(*) FROM outbox_event";
    private static final String TOP_STATEMENTS = "SELECT calls, total_exec_time, rows, "
            + "regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements "
            + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            + "ORDER BY total_exec_time DESC LIMIT ?";

    private final Connection connection;
    private final PreparedStatement count;
    private final PreparedStatement pending;

    /** Connects to logging-service's database as the embedded cluster's superuser. */
    public LoggingDatabase(String jdbcUrl) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, EmbeddedPostgres.USER, "");
        count = connection.prepareStatement(STORED_SESSIONS);
        pending = connection.prepareStatement(PENDING_OUTBOX);
    }

    /** One statement's share of the database's time, as pg_stat_statements counted it. */
    record StatementTime(long calls, double totalMillis, long rows, String query) {
    }

    public long storedSessions(String tenant) throws SQLException {
        count.setString(1, tenant);
        try (ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Messages logging-service stored to publish and has not yet published. */
    public long pendingOutbox() throws SQLException {
        try (ResultSet rs = pending.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Forgets what pg_stat_statements counted so far, creating the extension in this database first. */
    public void resetStatementTimes() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** The statements of this database that took the most execution time since the reset, most first. */
    public List<StatementTime> topStatements(int limit) throws SQLException {
        List<StatementTime> top = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(TOP_STATEMENTS)) {
            select.setInt(1, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    top.add(new StatementTime(rs.getLong(1), rs.getDouble(2), rs.getLong(3), rs.getString(4)));
                }
            }
        }
        return top;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
