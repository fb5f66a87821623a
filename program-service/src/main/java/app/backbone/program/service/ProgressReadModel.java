package app.backbone.program.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;

import app.backbone.program.messaging.MemberProgress;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * Keeps each member's newest progress: a record is stored with one conditional upsert in which a higher revision
 * replaces the stored one and a lower or equal one changes nothing; a tombstone (the member's data erased) removes
 * it. A database failure is retried until it succeeds, the record not acknowledged meanwhile.
 */
@ApplicationScoped
public class ProgressReadModel {

    private static final String UPSERT = """
            INSERT INTO member_progress AS stored (tenant_id, member_id, revision, computed_at, state, received_at)
            VALUES (?, ?, ?, ?, ?::jsonb, ?)
            ON CONFLICT (tenant_id, member_id) DO UPDATE SET revision = excluded.revision,
                computed_at = excluded.computed_at, state = excluded.state, received_at = excluded.received_at
            WHERE stored.revision < excluded.revision""";

    private static final String DELETE = "DELETE FROM member_progress WHERE tenant_id = ? AND member_id = ?";

    private final DataSource dataSource;
    private final Clock clock;

    public ProgressReadModel(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Stores the progress unless a newer or equal revision is held.
     *
     * @param json the record as published, stored as it is
     * @return whether it changed the read model
     */
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 3650, durationUnit = ChronoUnit.DAYS)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public boolean apply(MemberProgress progress, String json) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                upsert.setString(1, progress.tenantId());
                upsert.setString(2, progress.memberId());
                upsert.setLong(3, progress.revision());
                upsert.setTimestamp(4, Timestamp.from(progress.computedAt()));
                upsert.setString(5, json);
                upsert.setTimestamp(6, Timestamp.from(clock.instant()));
                return upsert.executeUpdate() == 1;
            }
        });
    }

    /** Forgets the member's progress, as a tombstone on the topic asks. */
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 3650, durationUnit = ChronoUnit.DAYS)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void forget(String tenant, String member) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement delete = connection.prepareStatement(DELETE)) {
                delete.setString(1, tenant);
                delete.setString(2, member);
                delete.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not forget the progress of " + member, e);
            }
        });
    }
}
