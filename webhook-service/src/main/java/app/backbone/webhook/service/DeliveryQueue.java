package app.backbone.webhook.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;

import app.backbone.webhook.config.WebhookConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * Makes an event due: one delivery per ACTIVE subscription of the tenant that lists its type, and the event id
 * recorded, in one statement and one transaction, so that an event seen again changes nothing. The consumers call it
 * before they acknowledge the record, so an event is never lost between the broker and the database. A database
 * failure is retried until it succeeds.
 */
@ApplicationScoped
public class DeliveryQueue {

    private static final String ENQUEUE = "WITH claimed AS (INSERT INTO processed_event (event_id, received_at) "
            + "VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING event_id), "
            + "due AS (INSERT INTO webhook_delivery (id, subscription_id, tenant_id, member_key, event_type, payload, "
            + "status, attempts, next_attempt_at, expires_at, created_at) "
            + "SELECT gen_random_uuid(), s.id, s.tenant_id, ?, ?, ?::jsonb, 'PENDING', 0, ?, ?, ? "
            + "FROM webhook_subscription s, claimed "
            + "WHERE s.tenant_id = ? AND s.status = 'ACTIVE' AND ? = ANY (s.events) ORDER BY s.id "
            + "RETURNING id, subscription_id, member_key, next_attempt_at), "
            // A lane with a delivery already waiting keeps it; an empty lane (or none) gets this one, due at once.
            + "lanes AS (INSERT INTO webhook_lane (subscription_id, member_key, head_id, due_at) "
            + "SELECT subscription_id, coalesce(member_key, ''), id, next_attempt_at FROM due "
            + "ON CONFLICT (subscription_id, member_key) DO UPDATE SET head_id = EXCLUDED.head_id, "
            + "due_at = EXCLUDED.due_at WHERE webhook_lane.head_id IS NULL) "
            + "SELECT count(*) FROM due";

    private final DataSource dataSource;
    private final WebhookConfig config;
    private final Clock clock;
    private final DeliveryWorker worker;

    public DeliveryQueue(DataSource dataSource, WebhookConfig config, Clock clock, DeliveryWorker worker) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
        this.worker = worker;
    }

    /**
     * The number of deliveries made due: 0 when no subscription wants it or the event was seen before. Once they are
     * committed, this instance's worker is asked to take them at once.
     */
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 3650, durationUnit = ChronoUnit.DAYS)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public int enqueue(UUID eventId, String tenantId, String memberKey, String eventType, String body) {
        int due = QuarkusTransaction.requiringNew().call(() -> {
            Timestamp now = Timestamp.from(clock.instant());
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement insert = connection.prepareStatement(ENQUEUE)) {
                insert.setObject(1, eventId);
                insert.setTimestamp(2, now);
                insert.setString(3, memberKey);
                insert.setString(4, eventType);
                insert.setString(5, body);
                insert.setTimestamp(6, now);
                insert.setTimestamp(7, expiry(now.toInstant()));
                insert.setTimestamp(8, now);
                insert.setString(9, tenantId);
                insert.setString(10, eventType);
                try (ResultSet made = insert.executeQuery()) {
                    made.next();
                    return made.getInt(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not make an event due", e);
            }
        });
        if (due > 0) {
            worker.nudge();
        }
        return due;
    }

    Timestamp expiry(Instant from) {
        return Timestamp.from(from.plus(config.delivery().giveUpAfter()));
    }
}
