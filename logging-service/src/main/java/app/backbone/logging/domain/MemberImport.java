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

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * One import of a member's history from another app's export: what was asked, its progress while it runs and its
 * result. {@code unmappedExercises} and {@code errors} hold JSON arrays written by the import service.
 */
@Entity
@Table(name = "member_import")
public class MemberImport extends PanacheEntityBase {

    /** Where an import is. */
    public enum Status { RUNNING, DONE, FAILED }

    @Id
    public UUID id;

    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "member_id")
    public String memberId;

    public String source;

    public String variant;

    @Column(name = "dry_run")
    public boolean dryRun;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "weight_unit")
    public String weightUnit;

    @Column(name = "rows_total")
    public long rowsTotal;

    @Column(name = "rows_read")
    public long rowsRead;

    @Column(name = "rows_skipped")
    public long rowsSkipped;

    @Column(name = "sessions_found")
    public int sessionsFound;

    @Column(name = "sessions_stored")
    public int sessionsStored;

    @Column(name = "sessions_already_present")
    public int sessionsAlreadyPresent;

    @Column(name = "sessions_without_exercises")
    public int sessionsWithoutExercises;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "unmapped_exercises")
    public String unmappedExercises;

    @JdbcTypeCode(SqlTypes.JSON)
    public String errors;

    @Column(name = "error_count")
    public int errorCount;

    public String failure;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The import, if it is the tenant's. */
    public static Optional<MemberImport> of(String tenant, UUID id) {
        return find("id = ?1 and tenantId = ?2", id, tenant).firstResultOptional();
    }

    /** A member's imports, newest first. */
    public static List<MemberImport> ofMember(String tenant, String member, int pageIndex, int pageSize) {
        return find("tenantId = ?1 and memberId = ?2", Sort.descending("createdAt").and("id"), tenant, member)
                .page(Page.of(pageIndex, pageSize)).list();
    }

    /** How many imports a member has. */
    public static long countOfMember(String tenant, String member) {
        return count("tenantId = ?1 and memberId = ?2", tenant, member);
    }
}
