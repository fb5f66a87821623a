package app.backbone.logging.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import app.backbone.logging.config.LoggingConfig;
import app.backbone.logging.domain.figures.LoggedSession;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Recomputes a tenant's weekly figures, members' standings and activity from its stored sessions, with the same code that
 * folds them in on ingest; ingest for the tenant waits meanwhile.
 */
@ApplicationScoped
public class FigureRebuild {

    private static final String TENANTS = "SELECT DISTINCT tenant_id FROM training_session ORDER BY tenant_id";
    private static final String MEMBERS = "SELECT DISTINCT member_id FROM training_session WHERE tenant_id = ? "
            + "ORDER BY member_id";

    private final DataSource dataSource;
    private final FigureStore figures;
    private final StoredSessions stored;
    private final ProgressStore progress;
    private final MemberActivity activity;
    private final Clock clock;
    private final int timeoutSeconds;

    public FigureRebuild(DataSource dataSource, FigureStore figures, StoredSessions stored, ProgressStore progress,
            MemberActivity activity, Clock clock, LoggingConfig config) {
        this.dataSource = dataSource;
        this.figures = figures;
        this.stored = stored;
        this.progress = progress;
        this.activity = activity;
        this.clock = clock;
        this.timeoutSeconds = Math.toIntExact(config.rebuildTimeout().toSeconds());
    }

    /** What a rebuild went through. */
    public record Result(int members, int sessions) {
    }

    /**
     * Replaces the tenant's figures by ones computed from all its stored sessions, in one transaction. Each
     * member's progress is published again, under a new revision; no insight is.
     */
    public Result rebuild(String tenant) {
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                figures.lockTenantExclusively(connection, tenant);
                figures.clear(connection, tenant);
                activity.rebuild(connection, tenant);
                List<String> members = column(connection, MEMBERS, tenant);
                int sessions = 0;
                for (String member : members) {
                    List<LoggedSession> ofMember = stored.of(connection, tenant, member);
                    figures.add(connection, ofMember.stream()
                            .map(session -> new FigureStore.MemberSession(tenant, member, session)).toList());
                    progress.rebuild(connection, new Member(tenant, member), ofMember, clock.instant());
                    sessions += ofMember.size();
                }
                return new Result(members.size(), sessions);
            }
        });
    }

    /** The tenants that have stored sessions, in id order. */
    public List<String> tenants() {
        try (Connection connection = dataSource.getConnection()) {
            return column(connection, TENANTS);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the tenants", e);
        }
    }

    private static List<String> column(Connection connection, String sql, String... params) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement read = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                read.setString(i + 1, params[i]);
            }
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }
}
