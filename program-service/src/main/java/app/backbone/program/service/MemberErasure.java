package app.backbone.program.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

import app.backbone.common.outbox.Outbox;
import app.backbone.program.messaging.ErasureTopics;
import app.backbone.program.messaging.MemberErasureConfirmed;
import app.backbone.program.messaging.MemberErasureRequested;
import app.backbone.program.messaging.SessionTopics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * Erases what program-service holds of a member of a tenant, in one transaction with the confirmation it publishes
 * through the outbox and the request's event id (recorded once, so a redelivered request changes nothing): the
 * member's programs, the session reports of those programs (the idempotency records), the member's progress read
 * model and the completed-session events still waiting in the outbox. Those are keyed by member id alone, so the
 * tenant is matched in their payload: another tenant's member of the same id keeps everything. A database failure
 * is retried until it succeeds.
 */
@ApplicationScoped
public class MemberErasure {

    /** The name logging-service knows this service by. */
    public static final String SERVICE = "program-service";

    private static final Logger LOG = Logger.getLogger(MemberErasure.class);

    private static final String CLAIM_EVENT = "INSERT INTO processed_event (event_id, received_at) VALUES (?, ?) "
            + "ON CONFLICT DO NOTHING";
    private static final String DELETE_REPORTS = "DELETE FROM session_report WHERE tenant_id = ? AND program_id IN "
            + "(SELECT id FROM program WHERE tenant_id = ? AND member_id = ?)";
    private static final String DELETE_PROGRAMS = "DELETE FROM program WHERE tenant_id = ? AND member_id = ?";
    private static final String DELETE_PROGRESS = "DELETE FROM member_progress WHERE tenant_id = ? AND member_id = ?";
    private static final String DELETE_PENDING = "DELETE FROM outbox_event WHERE topic = ? AND message_key = ? "
            + "AND payload::jsonb ->> 'tenantId' = ?";

    private final DataSource dataSource;
    private final Outbox outbox;
    private final Clock clock;

    public MemberErasure(DataSource dataSource, Outbox outbox, Clock clock) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Erases the member unless this request was handled before, and confirms. */
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 3650, durationUnit = ChronoUnit.DAYS)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void erase(MemberErasureRequested request) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            try (Connection connection = dataSource.getConnection()) {
                if (!claim(connection, request.eventId(), now)) {
                    return;
                }
                String tenantId = request.tenantId();
                String memberId = request.memberId();
                int reports = update(connection, DELETE_REPORTS, tenantId, tenantId, memberId);
                int programs = update(connection, DELETE_PROGRAMS, tenantId, memberId);
                update(connection, DELETE_PROGRESS, tenantId, memberId);
                int pending = update(connection, DELETE_PENDING, SessionTopics.COMPLETED, memberId, tenantId);
                outbox.add(ErasureTopics.CONFIRMED, ErasureTopics.key(tenantId, memberId), new MemberErasureConfirmed(
                        UUID.randomUUID(), MemberErasureConfirmed.SCHEMA_VERSION, now, request.erasureId(), tenantId,
                        memberId, SERVICE), now);
                LOG.infof("Erasure %s of a member of %s: %d program(s), %d report(s), %d pending event(s) erased",
                        request.erasureId(), tenantId, programs, reports, pending);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not erase a member", e);
            }
        });
    }

    private static boolean claim(Connection connection, UUID eventId, Instant now) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement(CLAIM_EVENT)) {
            claim.setObject(1, eventId);
            claim.setTimestamp(2, Timestamp.from(now));
            return claim.executeUpdate() == 1;
        }
    }

    private static int update(Connection connection, String sql, String... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setString(i + 1, params[i]);
            }
            return statement.executeUpdate();
        }
    }
}
