package app.backbone.logging.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import app.backbone.logging.config.LoggingConfig;
import app.backbone.logging.domain.figures.LoggedSession;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Recomputes a tenant's weekly figures, members' standings and activity from the stored sessions, with the same code
 * that folds them in on ingest, one member per transaction under that member's ingest locks
 * ({@link FigureStore#lockMembers}): ingest of that member waits for the one transaction, everyone else's goes on. A
 * session stored meanwhile counts once, since ingest stores and folds it in one transaction under the same lock:
 * either that transaction commits first and the recompute, which reads the sessions after taking the lock, finds it,
 * or it waits for the recompute to commit and folds the session into the recomputed figures. Members are taken in
 * member id order, each one after the last done, so a caller that stops can go on where it was; a member left with
 * figures but no sessions ends with none.
 */
@ApplicationScoped
public class FigureRebuild {

    /** The tables that hold a member's figures or the sessions they come from, each keyed by tenant and member. */
    private static final List<String> MEMBER_TABLES = List.of("training_session", "weekly_aggregate",
            "exercise_standing", "member_progress", "member_activity");
    private static final String TENANTS = "SELECT DISTINCT tenant_id FROM training_session ORDER BY tenant_id";
    private static final String NEXT_MEMBER = MEMBER_TABLES.stream()
            .map(table -> "SELECT min(member_id) AS m FROM " + table + " WHERE tenant_id = ? AND member_id > ?")
            .collect(Collectors.joining(" UNION ALL ", "SELECT min(m) FROM (", ") AS firsts"));
    private static final String COUNT_MEMBERS = MEMBER_TABLES.stream()
            .map(table -> "SELECT member_id FROM " + table + " WHERE tenant_id = ?")
            .collect(Collectors.joining(" UNION ", "SELECT count(*) FROM (", ") AS members"));

    /** One member recomputed, from how many sessions. */
    public record Step(String memberId, int sessions) {
    }

    /** What a caller does last in a member's transaction, with its connection: a job records its progress there. */
    @FunctionalInterface
    public interface InTransaction {
        void accept(Connection connection, Step step) throws SQLException;
    }

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
        this.timeoutSeconds = Math.toIntExact(config.rebuild().timeout().toSeconds());
    }

    /**
     * Recomputes the tenant's first member whose id sorts after {@code after} ({@code ""} for the very first), in a
     * transaction of its own, and publishes their progress again under a new revision (no insight); {@code then}
     * runs last in that transaction.
     *
     * @return the member recomputed, or empty when no member is left
     */
    public Optional<Step> next(String tenant, String after, InTransaction then) {
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                String memberId = nextMember(connection, tenant, after);
                if (memberId == null) {
                    return Optional.empty();
                }
                Step step = new Step(memberId, recompute(connection, new Member(tenant, memberId)));
                then.accept(connection, step);
                return Optional.of(step);
            }
        });
    }

    /** How many members of the tenant have stored sessions or figures. */
    public int members(String tenant) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(COUNT_MEMBERS)) {
            for (int i = 0; i < MEMBER_TABLES.size(); i++) {
                count.setString(i + 1, tenant);
            }
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the members of " + tenant, e);
        }
    }

    /** The tenants that have stored sessions, in id order. */
    public List<String> tenants() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement(TENANTS);
             ResultSet rs = read.executeQuery()) {
            List<String> tenants = new ArrayList<>();
            while (rs.next()) {
                tenants.add(rs.getString(1));
            }
            return tenants;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the tenants", e);
        }
    }

    /** Replaces the member's figures, standing and activity by ones computed from their stored sessions. */
    private int recompute(Connection connection, Member member) throws SQLException {
        figures.lockMembers(connection, List.of(member));
        List<LoggedSession> sessions = stored.of(connection, member.tenantId(), member.memberId());
        Instant now = clock.instant();
        figures.clear(connection, member);
        activity.rebuild(connection, member);
        if (sessions.isEmpty()) {
            progress.forget(connection, member, now);
        } else {
            figures.add(connection, sessions.stream()
                    .map(session -> new FigureStore.MemberSession(member.tenantId(), member.memberId(), session))
                    .toList());
            progress.rebuild(connection, member, sessions, now);
        }
        return sessions.size();
    }

    private static String nextMember(Connection connection, String tenant, String after) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(NEXT_MEMBER)) {
            for (int i = 0; i < MEMBER_TABLES.size(); i++) {
                read.setString(2 * i + 1, tenant);
                read.setString(2 * i + 2, after);
            }
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
