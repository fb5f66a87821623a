package app.backbone.logging.service;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.backbone.logging.domain.figures.LoggedSession;
import app.backbone.logging.domain.figures.WeekAggregate;

/**
 * Folds newly stored sessions into each member's weekly aggregates, in the caller's transaction and connection:
 * one read of the affected weeks, one batched upsert. The caller locks the members for the transaction first
 * ({@link #lockMembers}, advisory locks), so two consumers that briefly share a partition during a rebalance never fold
 * into the same week at once, and a member being rebuilt ({@link FigureRebuild}) is not folded into meanwhile.
 */
@ApplicationScoped
public class FigureStore {

    private static final int TENANT_LOCKS = 1;
    private static final int MEMBER_LOCKS = 2;
    private static final String LOCK_SHARED = "SELECT count(pg_advisory_xact_lock_shared(?, k)) "
            + "FROM unnest(?::int[]) AS k";
    private static final String LOCK = "SELECT count(pg_advisory_xact_lock(?, k)) FROM unnest(?::int[]) AS k";
    private static final String READ_WEEKS = "SELECT tenant_id, member_id, iso_week, state FROM weekly_aggregate "
            + "WHERE (tenant_id, member_id, iso_week) IN (SELECT * FROM unnest(?::text[], ?::text[], ?::text[]))";
    private static final String WRITE_WEEK = "INSERT INTO weekly_aggregate (tenant_id, member_id, iso_week, state) "
            + "VALUES (?, ?, ?, ?::jsonb) ON CONFLICT (tenant_id, member_id, iso_week) DO UPDATE SET state = "
            + "EXCLUDED.state";

    private final ObjectMapper states;

    /**
     * @param mapper the application's mapper, copied without field-name canonicalisation: the stored states key
     *               maps by session id, names that would otherwise crowd the shared symbol table
     */
    public FigureStore(ObjectMapper mapper) {
        this.states = mapper.copyWith(JsonFactory.builder().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                .build());
    }

    /** A session of one member of one tenant. */
    public record MemberSession(String tenantId, String memberId, LoggedSession session) {
    }

    private record Key(String tenantId, String memberId, String week) {
    }

    /**
     * Adds the sessions to the stored figures (sessions already folded in change nothing). The caller's transaction
     * holds their members' locks ({@link #lockMembers}).
     */
    public void add(Connection connection, List<MemberSession> sessions) throws SQLException {
        if (sessions.isEmpty()) {
            return;
        }
        Map<Key, WeekAggregate> weeks = new LinkedHashMap<>();
        for (MemberSession s : sessions) {
            weeks.put(key(s), null);
        }
        read(connection, weeks);
        for (MemberSession s : sessions) {
            Key key = key(s);
            WeekAggregate aggregate = weeks.get(key);
            weeks.put(key, (aggregate == null ? WeekAggregate.empty(s.session().week()) : aggregate)
                    .plus(s.session()));
        }
        write(connection, weeks);
    }

    /**
     * Locks the members for the caller's transaction (each member exclusively): a transaction that checks something
     * of a member before adding their sessions ({@link #add}), recomputes them or erases them, takes them first. It
     * takes their tenant's lock too, shared: the rebuild of releases before rebuild jobs takes it exclusively, and
     * still holds off ingest of the tenant while both releases run during a rolling update.
     */
    public void lockMembers(Connection connection, Collection<Member> members) throws SQLException {
        if (members.isEmpty()) {
            return;
        }
        lock(connection, LOCK_SHARED, TENANT_LOCKS, members.stream().map(m -> hash(m.tenantId())).toList());
        lock(connection, LOCK, MEMBER_LOCKS, members.stream().map(m -> hash(m.tenantId() + '\0' + m.memberId()))
                .toList());
    }

    /** Removes every stored figure of a member, before a rebuild; the caller holds their lock. */
    public void clear(Connection connection, Member member) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM weekly_aggregate WHERE tenant_id = ? AND member_id = ?")) {
            delete.setString(1, member.tenantId());
            delete.setString(2, member.memberId());
            delete.executeUpdate();
        }
    }

    private static Key key(MemberSession s) {
        return new Key(s.tenantId(), s.memberId(), s.session().week().toString());
    }

    /** Takes the locks in ascending order, so that concurrent transactions cannot deadlock on them. */
    private static void lock(Connection connection, String sql, int space, Collection<Integer> keys)
            throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(sql)) {
            lock.setInt(1, space);
            lock.setArray(2, connection.createArrayOf("int4", new TreeSet<>(keys).toArray()));
            lock.executeQuery().close();
        }
    }

    /** FNV-1a over the UTF-8 bytes: stable across JVMs, unlike {@link String#hashCode()} is not guaranteed. */
    private static int hash(String text) {
        int hash = 0x811c9dc5;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x01000193;
        }
        return hash;
    }

    private void read(Connection connection, Map<Key, WeekAggregate> into) throws SQLException {
        List<String> tenants = new ArrayList<>();
        List<String> members = new ArrayList<>();
        List<String> weeks = new ArrayList<>();
        into.keySet().forEach(k -> {
            tenants.add(k.tenantId());
            members.add(k.memberId());
            weeks.add(k.week());
        });
        try (PreparedStatement read = connection.prepareStatement(READ_WEEKS)) {
            read.setArray(1, connection.createArrayOf("text", tenants.toArray()));
            read.setArray(2, connection.createArrayOf("text", members.toArray()));
            read.setArray(3, connection.createArrayOf("text", weeks.toArray()));
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    into.put(new Key(rs.getString(1), rs.getString(2), rs.getString(3)), state(rs.getString(4)));
                }
            }
        }
    }

    private WeekAggregate state(String json) {
        try {
            return states.readValue(json, WeekAggregate.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored figure", e);
        }
    }

    private void write(Connection connection, Map<Key, WeekAggregate> weeks) throws SQLException {
        try (PreparedStatement write = connection.prepareStatement(WRITE_WEEK)) {
            for (Map.Entry<Key, WeekAggregate> entry : weeks.entrySet()) {
                write.setString(1, entry.getKey().tenantId());
                write.setString(2, entry.getKey().memberId());
                write.setString(3, entry.getKey().week());
                try {
                    write.setString(4, states.writeValueAsString(entry.getValue()));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("Could not serialise a figure", e);
                }
                write.addBatch();
            }
            write.executeBatch();
        }
    }

    /** Reads stored week states with the same mapper that writes them. */
    WeekAggregate readState(String json) {
        return state(json);
    }
}
