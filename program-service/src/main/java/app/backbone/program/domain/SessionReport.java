package app.backbone.program.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** A session report accepted under an idempotency key, with the answer given, so a retry gets the same one. */
@Entity
@Table(name = "session_report")
public class SessionReport extends PanacheEntityBase {

    /** PostgreSQL's SQLState for a unique violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** The table's primary key (tenant and idempotency key) and its one session per tenant. */
    private static final Set<String> UNIQUE_CONSTRAINTS = Set.of("session_report_pkey", "session_report_session");

    /** Tenant and idempotency key. */
    @Embeddable
    public record Key(@Column(name = "tenant_id") String tenantId,
            @Column(name = "idempotency_key") String idempotencyKey) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "session_id")
    public String sessionId;

    @Column(name = "program_id")
    public UUID programId;

    @Column(name = "event_id")
    public UUID eventId;

    /** The week of the program's cycle the session belongs to, 1-based. */
    public int week;

    /** The session's position in its week, 1-based. */
    @Column(name = "session_index")
    public int sessionIndex;

    /** SHA-256 of the program id and the request, to tell a retry from a different report under the same key. */
    public String fingerprint;

    @JdbcTypeCode(SqlTypes.JSON)
    public String response;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<SessionReport> find(String tenant, String idempotencyKey) {
        return findByIdOptional(new Key(tenant, idempotencyKey));
    }

    /** The program's report received last, if any. */
    public static Optional<SessionReport> latestOf(UUID programId) {
        return find("programId = ?1", Sort.descending("createdAt").and("key.idempotencyKey", Sort.Direction.Descending),
                programId).firstResultOptional();
    }

    public static boolean sessionTaken(String tenant, String sessionId) {
        return count("key.tenantId = ?1 and sessionId = ?2", tenant, sessionId) > 0;
    }

    /** Whether storing a report failed because another one with the same key or session was stored first. */
    public static boolean isDuplicate(ConstraintViolationException failure) {
        return UNIQUE_VIOLATION.equals(failure.getSQLState())
                && UNIQUE_CONSTRAINTS.contains(failure.getConstraintName());
    }
}
