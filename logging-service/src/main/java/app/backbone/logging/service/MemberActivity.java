package app.backbone.logging.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import app.backbone.common.Page;
import app.backbone.logging.messaging.SessionCompleted;

/**
 * Each member's activity (sessions stored, the first and the latest by completion), folded in by the transaction that
 * stores sessions while it holds their members' locks, and listed newest activity first for {@code GET /members}.
 */
@ApplicationScoped
public class MemberActivity {

    private static final String ADD = "INSERT INTO member_activity AS a (tenant_id, member_id, sessions, "
            + "first_session_at, last_session_at, last_session_id) SELECT * FROM unnest(?::text[], ?::text[], "
            + "?::int[], ?::text[]::timestamptz[], ?::text[]::timestamptz[], ?::text[]) "
            + "ON CONFLICT (tenant_id, member_id) DO UPDATE SET sessions = a.sessions + excluded.sessions, "
            + "first_session_at = LEAST(a.first_session_at, excluded.first_session_at), "
            + "last_session_at = GREATEST(a.last_session_at, excluded.last_session_at), "
            + "last_session_id = CASE WHEN (excluded.last_session_at, excluded.last_session_id) "
            + "> (a.last_session_at, a.last_session_id) "
            + "THEN excluded.last_session_id ELSE a.last_session_id END";
    private static final String CLEAR = "DELETE FROM member_activity WHERE tenant_id = ? AND member_id = ?";
    private static final String REBUILD = "INSERT INTO member_activity (tenant_id, member_id, sessions, "
            + "first_session_at, last_session_at, last_session_id) SELECT tenant_id, member_id, count(*), "
            + "min(completed_at), max(completed_at), "
            + "(array_agg(session_id ORDER BY completed_at DESC, session_id DESC))[1] "
            + "FROM training_session WHERE tenant_id = ? AND member_id = ? GROUP BY tenant_id, member_id";
    private static final String FILTER = " FROM member_activity WHERE tenant_id = ? AND last_session_at >= ? "
            + "AND strpos(lower(member_id), ?) > 0";
    private static final String PAGE = "SELECT member_id, sessions, first_session_at, last_session_at, "
            + "last_session_id" + FILTER + " ORDER BY last_session_at DESC, member_id LIMIT ? OFFSET ?";
    private static final String COUNT = "SELECT count(*)" + FILTER;

    /** A member with stored sessions, as listed. */
    public record Active(String memberId, int sessions, Instant firstSessionAt, Instant lastSessionAt,
            String lastSessionId) {
    }

    private final DataSource dataSource;

    public MemberActivity(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Counts newly stored sessions in; the caller holds their members' locks. */
    void add(Connection connection, Collection<SessionCompleted> stored) throws SQLException {
        if (stored.isEmpty()) {
            return;
        }
        Map<Member, Active> byMember = new LinkedHashMap<>();
        for (SessionCompleted session : stored) {
            Active one = new Active(session.memberId(), 1, session.completedAt(), session.completedAt(),
                    session.sessionId());
            byMember.merge(new Member(session.tenantId(), session.memberId()), one, MemberActivity::merge);
        }
        List<Member> members = new ArrayList<>(byMember.keySet());
        try (PreparedStatement add = connection.prepareStatement(ADD)) {
            add.setArray(1, connection.createArrayOf("text", members.stream().map(Member::tenantId).toArray()));
            add.setArray(2, connection.createArrayOf("text", members.stream().map(Member::memberId).toArray()));
            add.setArray(3, connection.createArrayOf("integer",
                    members.stream().map(m -> byMember.get(m).sessions()).toArray()));
            add.setArray(4, connection.createArrayOf("text",
                    members.stream().map(m -> byMember.get(m).firstSessionAt().toString()).toArray()));
            add.setArray(5, connection.createArrayOf("text",
                    members.stream().map(m -> byMember.get(m).lastSessionAt().toString()).toArray()));
            add.setArray(6, connection.createArrayOf("text",
                    members.stream().map(m -> byMember.get(m).lastSessionId()).toArray()));
            add.executeUpdate();
        }
    }

    /** Recomputes the member's activity from their stored sessions (none: no activity); the caller holds their lock. */
    void rebuild(Connection connection, Member member) throws SQLException {
        for (String sql : List.of(CLEAR, REBUILD)) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, member.tenantId());
                statement.setString(2, member.memberId());
                statement.executeUpdate();
            }
        }
    }

    /**
     * The tenant's members whose latest session completed at or after {@code since}, whose id contains
     * {@code search} (ignoring case; empty for all), newest activity first.
     */
    public Page<Active> page(String tenant, Instant since, String search, int page, int size) {
        String needle = search.toLowerCase(Locale.ROOT);
        try (Connection connection = dataSource.getConnection()) {
            List<Active> items = new ArrayList<>();
            try (PreparedStatement read = connection.prepareStatement(PAGE)) {
                bindFilter(read, tenant, since, needle);
                read.setInt(4, size);
                read.setLong(5, (long) page * size);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        items.add(new Active(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
                                rs.getTimestamp(4).toInstant(), rs.getString(5)));
                    }
                }
            }
            long total;
            try (PreparedStatement count = connection.prepareStatement(COUNT)) {
                bindFilter(count, tenant, since, needle);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            return new Page<>(items, page, size, total);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the members", e);
        }
    }

    private static void bindFilter(PreparedStatement statement, String tenant, Instant since, String needle)
            throws SQLException {
        statement.setString(1, tenant);
        statement.setTimestamp(2, Timestamp.from(since));
        statement.setString(3, needle);
    }

    private static Active merge(Active a, Active b) {
        boolean bIsLater = b.lastSessionAt().isAfter(a.lastSessionAt())
                || b.lastSessionAt().equals(a.lastSessionAt()) && b.lastSessionId().compareTo(a.lastSessionId()) > 0;
        Active later = bIsLater ? b : a;
        return new Active(a.memberId(), a.sessions() + b.sessions(),
                a.firstSessionAt().isBefore(b.firstSessionAt()) ? a.firstSessionAt() : b.firstSessionAt(),
                later.lastSessionAt(), later.lastSessionId());
    }
}
