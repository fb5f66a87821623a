package app.backbone.logging.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

import app.backbone.common.outbox.Outbox;
import app.backbone.logging.config.LoggingConfig;
import app.backbone.logging.messaging.ErasureTopics;
import app.backbone.logging.messaging.MemberErased;
import app.backbone.logging.messaging.MemberErasureConfirmed;
import app.backbone.logging.messaging.MemberErasureRequested;
import app.backbone.logging.messaging.ProgressTopics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * Members' erasures across the platform. A request erases this service's data of the member, marks their progress
 * changed (it renders as nothing, so {@value ProgressTopics#MEMBER_PROGRESS} gets a tombstone) and asks the other
 * services on {@value ErasureTopics#REQUESTED}, in one transaction under the member's ingest lock, so that a batch
 * being stored meanwhile either is erased with the rest or finds the erasure and drops the member's earlier events.
 * Each confirmation is recorded once; the last one completes the erasure and announces it on
 * {@value ErasureTopics#ERASED}, in the same transaction. The audit keeps a hash of the member, never their id.
 */
@ApplicationScoped
public class MemberErasures {

    /** This service's name among {@code backbone.logging.erasure.services}. */
    public static final String SERVICE = "logging-service";

    /** The tables holding a member's data, each with {@code tenant_id} and {@code member_id}; add new ones here. */
    static final List<String> MEMBER_TABLES = List.of("training_session", "weekly_aggregate", "exercise_standing",
            "member_progress", "member_import", "member_activity");

    private static final Logger LOG = Logger.getLogger(MemberErasures.class);

    private static final String LATEST = "SELECT e.id, e.requested_at, e.completed_at, s.service, s.confirmed_at "
            + "FROM member_erasure e JOIN member_erasure_service s ON s.erasure_id = e.id WHERE e.id = (SELECT id "
            + "FROM member_erasure WHERE tenant_id = ? AND member_hash = ? ORDER BY requested_at DESC LIMIT 1) "
            + "ORDER BY s.service";
    private static final String INSERT_ERASURE = "INSERT INTO member_erasure (id, tenant_id, member_hash, "
            + "requested_at, requested_by) VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_SERVICES = "INSERT INTO member_erasure_service (erasure_id, service, "
            + "confirmed_at) SELECT ?, s, CASE WHEN s = ? THEN ?::timestamptz END FROM unnest(?::text[]) AS s";
    private static final String DELETE_OUTBOX = "DELETE FROM outbox_event WHERE message_key = ? "
            + "AND topic <> ALL(?::text[])";
    private static final String CLAIM_EVENT = "INSERT INTO processed_event (event_id, received_at) VALUES (?, ?) "
            + "ON CONFLICT DO NOTHING";
    private static final String LOCK_ERASURE = "SELECT tenant_id, member_hash, requested_at FROM member_erasure "
            + "WHERE id = ? FOR UPDATE";
    private static final String CONFIRM = "UPDATE member_erasure_service SET confirmed_at = ? "
            + "WHERE erasure_id = ? AND service = ? AND confirmed_at IS NULL";
    private static final String COMPLETE = "UPDATE member_erasure SET completed_at = ? WHERE id = ? "
            + "AND completed_at IS NULL AND NOT EXISTS (SELECT 1 FROM member_erasure_service "
            + "WHERE erasure_id = ? AND confirmed_at IS NULL)";
    private static final String LATEST_REQUESTS = "SELECT tenant_id, member_hash, max(requested_at) "
            + "FROM member_erasure WHERE (tenant_id, member_hash) IN (SELECT * FROM unnest(?::text[], ?::text[])) "
            + "GROUP BY tenant_id, member_hash";

    private final DataSource dataSource;
    private final FigureStore figures;
    private final MemberHashes hashes;
    private final Outbox outbox;
    private final Clock clock;
    private final List<String> services;

    public MemberErasures(DataSource dataSource, FigureStore figures, MemberHashes hashes, Outbox outbox,
            Clock clock, LoggingConfig config) {
        this.dataSource = dataSource;
        this.figures = figures;
        this.hashes = hashes;
        this.outbox = outbox;
        this.clock = clock;
        Set<String> all = new LinkedHashSet<>(config.erasure().services());
        all.add(SERVICE);
        this.services = List.copyOf(all);
    }

    /**
     * Erases the member's data here and asks every other service to erase theirs; while an erasure of the member is
     * pending, answers that one instead.
     *
     * @param requestedBy who asked (the token's name), kept in the audit
     */
    public ErasureStatus request(Member member, String requestedBy) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                figures.lockMembers(connection, List.of(member));
                String hash = hashes.of(member);
                Optional<ErasureStatus> latest = latest(connection, member.tenantId(), hash);
                if (latest.isPresent() && !latest.get().done()) {
                    return latest.get();
                }
                Instant now = clock.instant();
                UUID erasureId = UUID.randomUUID();
                try (PreparedStatement insert = connection.prepareStatement(INSERT_ERASURE)) {
                    insert.setObject(1, erasureId);
                    insert.setString(2, member.tenantId());
                    insert.setString(3, hash);
                    insert.setTimestamp(4, Timestamp.from(now));
                    insert.setString(5, requestedBy);
                    insert.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement(INSERT_SERVICES)) {
                    insert.setObject(1, erasureId);
                    insert.setString(2, SERVICE);
                    insert.setTimestamp(3, Timestamp.from(now));
                    insert.setArray(4, connection.createArrayOf("text", services.toArray()));
                    insert.executeUpdate();
                }
                int sessions = erase(connection, member);
                String key = ProgressTopics.key(member.tenantId(), member.memberId());
                outbox.changed(ProgressTopics.MEMBER_PROGRESS, List.of(key), now);
                outbox.add(ErasureTopics.REQUESTED, key, new MemberErasureRequested(UUID.randomUUID(),
                        MemberErasureRequested.SCHEMA_VERSION, now, erasureId, member.tenantId(), member.memberId(),
                        now), now);
                complete(connection, erasureId, member, now, now);
                LOG.infof("Erasure %s of a member of %s requested: %d session(s) erased here", erasureId,
                        member.tenantId(), sessions);
                return latest(connection, member.tenantId(), hash).orElseThrow();
            }
        });
    }

    /** The member's latest erasure, if any. */
    public Optional<ErasureStatus> latest(Member member) {
        try (Connection connection = dataSource.getConnection()) {
            return latest(connection, member.tenantId(), hashes.of(member));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read an erasure", e);
        }
    }

    /**
     * Records a service's confirmation, once: a repeated event, or a confirmation of a service already confirmed,
     * changes nothing; one that names no erasure of that member is logged and ignored. A database failure is retried
     * until it succeeds.
     */
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 3650, durationUnit = ChronoUnit.DAYS)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void confirm(MemberErasureConfirmed event) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection()) {
                Instant now = clock.instant();
                if (!claim(connection, event.eventId(), now)) {
                    return;
                }
                Member member = new Member(event.tenantId(), event.memberId());
                Instant requestedAt = lockErasure(connection, event.erasureId(), member);
                if (requestedAt == null) {
                    LOG.warnf("A confirmation of %s names no erasure of that member; ignored", event.service());
                    return;
                }
                try (PreparedStatement confirm = connection.prepareStatement(CONFIRM)) {
                    confirm.setTimestamp(1, Timestamp.from(now));
                    confirm.setObject(2, event.erasureId());
                    confirm.setString(3, event.service());
                    if (confirm.executeUpdate() == 0) {
                        return;
                    }
                }
                complete(connection, event.erasureId(), member, requestedAt, now);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not record a confirmation", e);
            }
        });
    }

    /**
     * Of each member, when their latest erasure was asked for; members never erased are left out. One query,
     * whatever the number of members.
     */
    public Map<Member, Instant> requestedAt(Connection connection, Collection<Member> members) throws SQLException {
        MemberHashes.Hasher hasher = hashes.hasher();
        Map<String, Member> byHash = new HashMap<>();
        List<String> tenants = new ArrayList<>();
        List<String> hashed = new ArrayList<>();
        for (Member member : members) {
            String hash = hasher.of(member);
            byHash.put(member.tenantId() + "/" + hash, member);
            tenants.add(member.tenantId());
            hashed.add(hash);
        }
        Map<Member, Instant> requested = new HashMap<>();
        try (PreparedStatement read = connection.prepareStatement(LATEST_REQUESTS)) {
            read.setArray(1, connection.createArrayOf("text", tenants.toArray()));
            read.setArray(2, connection.createArrayOf("text", hashed.toArray()));
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    requested.put(byHash.get(rs.getString(1) + "/" + rs.getString(2)),
                            rs.getTimestamp(3).toInstant());
                }
            }
        }
        return requested;
    }

    /** Deletes the member's rows of every member table and their pending outbox rows; answers the sessions erased. */
    private static int erase(Connection connection, Member member) throws SQLException {
        int sessions = 0;
        for (String table : MEMBER_TABLES) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                    + " WHERE tenant_id = ? AND member_id = ?")) {
                delete.setString(1, member.tenantId());
                delete.setString(2, member.memberId());
                int deleted = delete.executeUpdate();
                if (table.equals("training_session")) {
                    sessions = deleted;
                }
            }
        }
        try (PreparedStatement delete = connection.prepareStatement(DELETE_OUTBOX)) {
            delete.setString(1, ProgressTopics.key(member.tenantId(), member.memberId()));
            delete.setArray(2, connection.createArrayOf("text", ErasureTopics.ALL.toArray()));
            delete.executeUpdate();
        }
        return sessions;
    }

    /** Completes the erasure and announces it if every service has confirmed and it is not complete yet. */
    private void complete(Connection connection, UUID erasureId, Member member, Instant requestedAt, Instant now)
            throws SQLException {
        try (PreparedStatement complete = connection.prepareStatement(COMPLETE)) {
            complete.setTimestamp(1, Timestamp.from(now));
            complete.setObject(2, erasureId);
            complete.setObject(3, erasureId);
            if (complete.executeUpdate() == 0) {
                return;
            }
        }
        outbox.add(ErasureTopics.ERASED, ProgressTopics.key(member.tenantId(), member.memberId()), new MemberErased(
                UUID.randomUUID(), MemberErased.SCHEMA_VERSION, now, erasureId, member.tenantId(),
                member.memberId(), requestedAt, now), now);
        LOG.infof("Erasure %s of a member of %s is done", erasureId, member.tenantId());
    }

    /** Locks the erasure of this member for the transaction; answers when it was asked for, or null if none. */
    private Instant lockErasure(Connection connection, UUID erasureId, Member member) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_ERASURE)) {
            lock.setObject(1, erasureId);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next() || !rs.getString(1).equals(member.tenantId())
                        || !rs.getString(2).equals(hashes.of(member))) {
                    return null;
                }
                return rs.getTimestamp(3).toInstant();
            }
        }
    }

    private static boolean claim(Connection connection, UUID eventId, Instant now) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement(CLAIM_EVENT)) {
            claim.setObject(1, eventId);
            claim.setTimestamp(2, Timestamp.from(now));
            return claim.executeUpdate() == 1;
        }
    }

    private static Optional<ErasureStatus> latest(Connection connection, String tenantId, String hash)
            throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(LATEST)) {
            read.setString(1, tenantId);
            read.setString(2, hash);
            try (ResultSet rs = read.executeQuery()) {
                UUID id = null;
                Instant requestedAt = null;
                Instant completedAt = null;
                List<ErasureStatus.ServiceState> states = new ArrayList<>();
                while (rs.next()) {
                    id = rs.getObject(1, UUID.class);
                    requestedAt = rs.getTimestamp(2).toInstant();
                    completedAt = instant(rs.getTimestamp(3));
                    states.add(new ErasureStatus.ServiceState(rs.getString(4), instant(rs.getTimestamp(5))));
                }
                return id == null ? Optional.empty()
                        : Optional.of(new ErasureStatus(id, requestedAt, completedAt, List.copyOf(states)));
            }
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
