package app.backbone.logging.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * A completed session of one member, as ingested from the completed-session event, for reading: sessions are
 * inserted by {@code SessionStore} with JDBC, their id taken from the column's default.
 */
@Entity
@Table(name = "training_session")
public class TrainingSession extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "member_id")
    public String memberId;

    @Column(name = "session_id")
    public String sessionId;

    @Column(name = "program_id")
    public UUID programId;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    private static final String OF_MEMBER_IN_RANGE =
            "tenantId = ?1 and memberId = ?2 and completedAt >= ?3 and completedAt < ?4";

    /** A member's sessions completed in {@code [from, to)}, newest first. */
    public static List<TrainingSession> ofMember(String tenant, String member, Instant from, Instant to,
            int pageIndex, int pageSize) {
        return find(OF_MEMBER_IN_RANGE, Sort.descending("completedAt").and("id"), tenant, member, from, to)
                .page(Page.of(pageIndex, pageSize)).list();
    }

    /** How many of a member's sessions were completed in {@code [from, to)}. */
    public static long countOfMember(String tenant, String member, Instant from, Instant to) {
        return count(OF_MEMBER_IN_RANGE, tenant, member, from, to);
    }
}
