package app.backbone.program.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;

import app.backbone.program.messaging.MemberProgress;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * Keeps each member's newest progress: a record is stored with a conditional upsert in which a higher revision
 * replaces the stored one and a lower or equal one changes nothing; a tombstone (the member's data erased) removes
 * it. A batch of records is applied in one transaction; a database failure is retried until it succeeds, the batch
 * not acknowledged meanwhile.
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
     * What was learned of one member: their newest progress and the record as published, or nulls for a tombstone
     * (the member's data erased).
     */
    public record Learned(String tenantId, String memberId, MemberProgress progress, String json) {
    }

    /**
     * Applies what was learned, in one transaction: each progress is stored unless a newer or equal revision is
     * held, each tombstone forgets its member. At most one entry per member.
     */
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 3650, durationUnit = ChronoUnit.DAYS)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void applyAll(List<Learned> learned) {
        if (learned.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement upsert = connection.prepareStatement(UPSERT);
                 PreparedStatement delete = connection.prepareStatement(DELETE)) {
                for (Learned member : learned) {
                    if (member.progress() == null) {
                        delete.setString(1, member.tenantId());
                        delete.setString(2, member.memberId());
                        delete.addBatch();
                        continue;
                    }
                    upsert.setString(1, member.tenantId());
                    upsert.setString(2, member.memberId());
                    upsert.setLong(3, member.progress().revision());
                    upsert.setTimestamp(4, Timestamp.from(member.progress().computedAt()));
                    upsert.setString(5, member.json());
                    upsert.setTimestamp(6, Timestamp.from(now));
                    upsert.addBatch();
                }
                delete.executeBatch();
                upsert.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not store members' progress", e);
            }
        });
    }
}
