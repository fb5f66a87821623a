package app.backbone.webhook.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Old rows go, in batches (two at a time in tests), against the real database: deliveries that ended longer ago
 * than the retention (30 days) with their attempts, and event ids older than theirs; newer ones and pending
 * deliveries, however old, stay.
 */
@QuarkusTest
class RetentionTest {

    private static final Duration DAY = Duration.ofDays(1);

    @Inject
    Retention retention;

    @Inject
    DataSource dataSource;

    @Test
    void endedDeliveriesAndEventIdsOlderThanTheirPeriodGoNewerAndPendingOnesStay() throws SQLException {
        Instant now = Instant.now();
        UUID subscription = subscription();
        List<UUID> old = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            old.add(delivery(subscription, "DELIVERED", now.minus(DAY.multipliedBy(31 + i))));
        }
        old.add(delivery(subscription, "FAILED", now.minus(DAY.multipliedBy(40))));
        List<UUID> kept = List.of(delivery(subscription, "DELIVERED", now.minus(DAY.multipliedBy(29))),
                delivery(subscription, "FAILED", now.minus(DAY)), delivery(subscription, "PENDING", null));
        List<UUID> oldEvents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            oldEvents.add(event(now.minus(DAY.multipliedBy(31 + i))));
        }
        UUID recentEvent = event(now.minus(DAY.multipliedBy(29)));

        retention.purge();

        assertEquals(List.of(), existing("SELECT id FROM webhook_delivery WHERE id = ANY (?)", old));
        assertEquals(List.of(), existing("SELECT delivery_id FROM webhook_attempt WHERE delivery_id = ANY (?)", old));
        assertEquals(kept, existing("SELECT id FROM webhook_delivery WHERE id = ANY (?) ORDER BY seq", kept));
        assertEquals(kept, existing("SELECT delivery_id FROM webhook_attempt WHERE delivery_id = ANY (?) "
                + "ORDER BY id", kept));
        assertEquals(List.of(), existing("SELECT event_id FROM processed_event WHERE event_id = ANY (?)", oldEvents));
        assertEquals(List.of(recentEvent), existing("SELECT event_id FROM processed_event WHERE event_id = ANY (?)",
                List.of(recentEvent)));
    }

    private UUID subscription() throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO webhook_subscription (id, tenant_id, url, events, secret_ciphertext, status, created_at) "
                + "VALUES (?, 'retention-gym', 'http://127.0.0.1:9/never', '{record.achieved}', '\\x00', 'ACTIVE', "
                + "now() - interval '90 days')", id);
        return id;
    }

    /** A delivery created 60 days ago with one attempt; an ended one ended as given, a pending one due tomorrow. */
    private UUID delivery(UUID subscription, String status, Instant endedAt) throws SQLException {
        UUID id = UUID.randomUUID();
        Timestamp ended = endedAt == null ? null : Timestamp.from(endedAt);
        update("INSERT INTO webhook_delivery (id, subscription_id, tenant_id, member_key, event_type, payload, status, "
                + "attempts, next_attempt_at, expires_at, created_at, delivered_at, ended_at) "
                + "VALUES (?, ?, 'retention-gym', 'm-1', 'record.achieved', '{}', ?, 1, now() + interval '1 day', "
                + "now() + interval '2 days', now() - interval '60 days', ?, ?)",
                id, subscription, status, status.equals("DELIVERED") ? ended : null, ended);
        update("INSERT INTO webhook_attempt (delivery_id, attempted_at, status_code, duration_ms) "
                + "VALUES (?, now() - interval '60 days', 500, 3)", id);
        return id;
    }

    private UUID event(Instant receivedAt) throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO processed_event (event_id, received_at) VALUES (?, ?)", id, Timestamp.from(receivedAt));
        return id;
    }

    private void update(String sql, Object... values) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private List<UUID> existing(String sql, List<UUID> ids) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            List<UUID> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getObject(1, UUID.class));
                }
            }
            return found;
        }
    }
}
