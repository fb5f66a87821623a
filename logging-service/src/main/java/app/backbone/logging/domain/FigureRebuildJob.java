package app.backbone.logging.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * One rebuild of a tenant's figures from its stored sessions: its progress while it runs and how it ended. Written
 * by {@code service.FigureRebuildJobs} with conditional statements (who holds it, until when); read here.
 */
@Entity
@Table(name = "figure_rebuild")
public class FigureRebuildJob extends PanacheEntityBase {

    /** Where a rebuild is. */
    public enum Status { PENDING, RUNNING, DONE, FAILED }

    @Id
    public UUID id;

    @Column(name = "tenant_id")
    public String tenantId;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** Members with stored data when it started, and any met later; null until it starts. */
    @Column(name = "members_total")
    public Integer membersTotal;

    @Column(name = "members_done")
    public int membersDone;

    @Column(name = "sessions_processed")
    public long sessionsProcessed;

    /** How many times an instance took it up. */
    public int attempts;

    public String failure;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The rebuild, if it is the tenant's. */
    public static Optional<FigureRebuildJob> of(String tenant, UUID id) {
        return find("id = ?1 and tenantId = ?2", id, tenant).firstResultOptional();
    }

    /** A tenant's rebuilds, newest first. */
    public static List<FigureRebuildJob> ofTenant(String tenant, int pageIndex, int pageSize) {
        return find("tenantId", Sort.descending("createdAt").and("id"), tenant).page(Page.of(pageIndex, pageSize))
                .list();
    }

    /** How many rebuilds a tenant has. */
    public static long countOfTenant(String tenant) {
        return count("tenantId", tenant);
    }
}
