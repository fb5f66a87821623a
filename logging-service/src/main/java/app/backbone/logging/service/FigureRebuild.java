package app.backbone.logging.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Recomputes a tenant's weekly figures from its stored sessions, with the same code that folds them in on ingest;
 * ingest for the tenant waits meanwhile.
 */
@ApplicationScoped
public class FigureRebuild {

    private final DataSource dataSource;
    private final FigureStore figures;
    private final StoredSessions stored;

    public FigureRebuild(DataSource dataSource, FigureStore figures, StoredSessions stored) {
        this.dataSource = dataSource;
        this.figures = figures;
        this.stored = stored;
    }

    /** What a rebuild went through. */
    public record Result(int members, int sessions) {
    }

    /** Replaces the tenant's figures by ones computed from all its stored sessions, in one transaction. */
    public Result rebuild(String tenant) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                figures.lockTenantExclusively(connection, tenant);
                figures.clear(connection, tenant);
                List<String> members = members(connection, tenant);
                int sessions = 0;
                for (String member : members) {
                    List<FigureStore.MemberSession> ofMember = stored.of(connection, tenant, member).stream()
                            .map(session -> new FigureStore.MemberSession(tenant, member, session)).toList();
                    figures.add(connection, ofMember);
                    sessions += ofMember.size();
                }
                return new Result(members.size(), sessions);
            }
        });
    }

    private static List<String> members(Connection connection, String tenant) throws SQLException {
        List<String> members = new ArrayList<>();
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT DISTINCT member_id FROM training_session WHERE tenant_id = ? ORDER BY member_id")) {
            read.setString(1, tenant);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    members.add(rs.getString(1));
                }
            }
        }
        return members;
    }

}
