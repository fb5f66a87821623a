package app.backbone.logging.service;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

import app.backbone.logging.messaging.SessionCompleted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * Stores accepted sessions, folds them into the figures and publishes what they changed ({@link ProgressStore}: each
 * member's progress, and the records and deloads the sessions brought), in one transaction per batch with JDBC
 * batching: each event id is recorded once, so a redelivered event changes nothing, and a session already stored
 * under its tenant and session id is neither stored, counted nor announced again. An event that occurred before its
 * member's latest erasure was asked for is dropped ({@link MemberErasures#requestedAt}, one query a batch). Imported
 * sessions take the same path ({@link #storeImported}) but announce nothing. A failed batch is tried again, each
 * time in a transaction of its own: 8 attempts in all, 500 ms apart at first, doubling to 8 s.
 */
@ApplicationScoped
public class SessionStore {

    private static final String CLAIM_EVENTS = "INSERT INTO processed_event (event_id, received_at) "
            + "SELECT unnest(?::uuid[]), ? ON CONFLICT DO NOTHING RETURNING event_id";
    private static final String INSERT_SESSION = "INSERT INTO training_session (tenant_id, member_id, session_id, "
            + "program_id, completed_at, received_at, event_id, exercises) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb) "
            + "ON CONFLICT (tenant_id, session_id) DO NOTHING";

    private static final String STORED_SESSIONS = "SELECT tenant_id, session_id FROM training_session "
            + "WHERE (tenant_id, session_id) IN (SELECT * FROM unnest(?::text[], ?::text[]))";

    private static final Logger LOG = Logger.getLogger(SessionStore.class);

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final FigureStore figures;
    private final ProgressStore progress;
    private final MemberErasures erasures;
    private final MemberActivity activity;
    private final Clock clock;

    public SessionStore(DataSource dataSource, ObjectMapper mapper, FigureStore figures, ProgressStore progress,
            MemberErasures erasures, MemberActivity activity, Clock clock) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.figures = figures;
        this.progress = progress;
        this.erasures = erasures;
        this.activity = activity;
        this.clock = clock;
    }

    /** Stores the events not seen before; throws only once the last attempt failed. */
    @Retry(maxRetries = 7, delay = 500, jitter = 0, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 8, maxDelayUnit = ChronoUnit.SECONDS)
    public void store(List<SessionCompleted> events) {
        storeAll(events, true);
    }

    /**
     * Stores imported sessions as live ones are stored, except that they announce no records or deloads (they set
     * the baseline); throws only once the last attempt failed.
     *
     * @return how many of the sessions were stored, the others being stored already
     */
    @Retry(maxRetries = 7, delay = 500, jitter = 0, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 8, maxDelayUnit = ChronoUnit.SECONDS)
    public int storeImported(List<SessionCompleted> events) {
        return storeAll(events, false);
    }

    /** Of the tenant's session ids, those already stored. */
    public Set<String> stored(String tenant, Collection<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Set.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            Set<String> found = new HashSet<>();
            try (PreparedStatement stored = connection.prepareStatement(STORED_SESSIONS)) {
                stored.setArray(1, connection.createArrayOf("text", sessionIds.stream().map(id -> tenant).toArray()));
                stored.setArray(2, connection.createArrayOf("text", sessionIds.toArray()));
                try (ResultSet rs = stored.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(2));
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read stored sessions", e);
        }
    }

    private int storeAll(List<SessionCompleted> events, boolean live) {
        if (events.isEmpty()) {
            return 0;
        }
        Map<UUID, SessionCompleted> byId = new LinkedHashMap<>();
        events.forEach(event -> byId.putIfAbsent(event.eventId(), event));
        try {
            return QuarkusTransaction.requiringNew().call(() -> storeUnseen(byId, live));
        } catch (RuntimeException e) {
            LOG.warnf("Storing %d sessions failed: %s", byId.size(), e.getMessage());
            throw e;
        }
    }

    private int storeUnseen(Map<UUID, SessionCompleted> byId, boolean live) {
        try (Connection connection = dataSource.getConnection()) {
            Instant now = clock.instant();
            Set<UUID> fresh = claim(connection, byId.keySet(), now);
            List<SessionCompleted> unseen = unseenSessions(connection, notErased(connection,
                    byId.values().stream().filter(e -> fresh.contains(e.eventId())).toList()));
            insert(connection, unseen, now);
            activity.add(connection, unseen);
            List<FigureStore.MemberSession> sessions = unseen.stream().map(e -> new FigureStore.MemberSession(
                    e.tenantId(), e.memberId(), LoggedSessions.of(e))).toList();
            figures.add(connection, sessions);
            progress.add(connection, sessions, now, live);
            return unseen.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store sessions", e);
        }
    }

    /**
     * The events but those that occurred before their member's latest erasure was asked for, with the members locked
     * first: an erasure committed before this checks is seen, and one asked for later waits for this batch and
     * erases it with the rest.
     */
    private List<SessionCompleted> notErased(Connection connection, List<SessionCompleted> events)
            throws SQLException {
        if (events.isEmpty()) {
            return events;
        }
        Set<Member> members = new HashSet<>();
        events.forEach(e -> members.add(new Member(e.tenantId(), e.memberId())));
        figures.lockMembers(connection, members);
        Map<Member, Instant> erased = erasures.requestedAt(connection, members);
        if (erased.isEmpty()) {
            return events;
        }
        List<SessionCompleted> kept = events.stream().filter(e -> {
            Instant requestedAt = erased.get(new Member(e.tenantId(), e.memberId()));
            return requestedAt == null || e.occurredAt().isAfter(requestedAt);
        }).toList();
        if (kept.size() < events.size()) {
            LOG.infof("Dropped %d event(s) that occurred before their member's erasure", events.size() - kept.size());
        }
        return kept;
    }

    /**
     * The events whose session is not stored yet, each session once; read under the members' locks, so that a
     * session another transaction stores meanwhile (a duplicate under another event id, during a rebalance) is seen
     * stored here rather than folded twice.
     */
    private static List<SessionCompleted> unseenSessions(Connection connection, List<SessionCompleted> events)
            throws SQLException {
        Map<List<String>, SessionCompleted> bySession = new LinkedHashMap<>();
        events.forEach(e -> bySession.putIfAbsent(List.of(e.tenantId(), e.sessionId()), e));
        if (bySession.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement stored = connection.prepareStatement(STORED_SESSIONS)) {
            stored.setArray(1, connection.createArrayOf("text",
                    bySession.keySet().stream().map(k -> k.get(0)).toArray()));
            stored.setArray(2, connection.createArrayOf("text",
                    bySession.keySet().stream().map(k -> k.get(1)).toArray()));
            try (ResultSet rs = stored.executeQuery()) {
                while (rs.next()) {
                    bySession.remove(List.of(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return new ArrayList<>(bySession.values());
    }

    private static Set<UUID> claim(Connection connection, Set<UUID> ids, Instant now) throws SQLException {
        Set<UUID> fresh = new HashSet<>();
        try (PreparedStatement claim = connection.prepareStatement(CLAIM_EVENTS)) {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            claim.setArray(1, array);
            claim.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return fresh;
    }

    private void insert(Connection connection, List<SessionCompleted> events, Instant now) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_SESSION)) {
            for (SessionCompleted event : events) {
                insert.setString(1, event.tenantId());
                insert.setString(2, event.memberId());
                insert.setString(3, event.sessionId());
                if (event.programId() == null) {
                    insert.setNull(4, Types.OTHER);
                } else {
                    insert.setObject(4, event.programId());
                }
                insert.setTimestamp(5, Timestamp.from(event.completedAt()));
                insert.setTimestamp(6, Timestamp.from(now));
                insert.setObject(7, event.eventId());
                insert.setString(8, json(event.exercises()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise a session", e);
        }
    }
}
