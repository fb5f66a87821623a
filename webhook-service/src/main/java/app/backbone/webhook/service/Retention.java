package app.backbone.webhook.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import app.backbone.webhook.config.WebhookConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes what is no longer needed: deliveries that ended (DELIVERED or FAILED) longer ago than
 * {@code backbone.webhooks.retention}, with their attempts, and handled event ids older than
 * {@code backbone.webhooks.processed-event-retention}; pending deliveries never. It deletes in small batches, each
 * its own short transaction that skips rows another replica is deleting, so that replicas running it at once share
 * the work and neither the tables nor the delivery worker are held up.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    private static final String ENDED_DELIVERIES = "DELETE FROM webhook_delivery WHERE id IN ("
            + "SELECT id FROM webhook_delivery WHERE status <> 'PENDING' AND ended_at < ? "
            + "LIMIT ? FOR UPDATE SKIP LOCKED)";
    private static final String PROCESSED_EVENTS = "DELETE FROM processed_event WHERE event_id IN ("
            + "SELECT event_id FROM processed_event WHERE received_at < ? LIMIT ? FOR UPDATE SKIP LOCKED)";

    private final DataSource dataSource;
    private final WebhookConfig config;
    private final Clock clock;

    public Retention(DataSource dataSource, WebhookConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${backbone.webhooks.cleanup.interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warnf("Could not delete old deliveries and event ids, will try again: %s", e.getMessage());
        }
    }

    /** Deletes, batch by batch, everything older than its period; answers how many deliveries and event ids. */
    public Purged purge() {
        return new Purged(deleteOlderThan(ENDED_DELIVERIES, config.retention()),
                deleteOlderThan(PROCESSED_EVENTS, config.processedEventRetention()));
    }

    private long deleteOlderThan(String statement, Duration period) {
        Timestamp before = Timestamp.from(clock.instant().minus(period));
        int batch = config.cleanup().batchSize();
        long deleted = 0;
        int last;
        do {
            last = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection connection = dataSource.getConnection();
                        PreparedStatement delete = connection.prepareStatement(statement)) {
                    delete.setTimestamp(1, before);
                    delete.setInt(2, batch);
                    return delete.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not delete a batch of old rows", e);
                }
            });
            deleted += last;
        } while (last == batch);
        return deleted;
    }

    /** What one purge deleted: deliveries (their attempts with them) and event ids. */
    public record Purged(long deliveries, long processedEvents) {
    }
}
