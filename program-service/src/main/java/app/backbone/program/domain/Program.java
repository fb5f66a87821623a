package app.backbone.program.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import app.backbone.program.domain.generator.ArmsFocus;
import app.backbone.program.domain.generator.MobilityFocus;
import app.backbone.program.domain.generator.SupersetStart;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** A program generated for one member of one tenant. */
@Entity
@Table(name = "program")
public class Program extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "member_id")
    public String memberId;

    @Enumerated(EnumType.STRING)
    public Goal goal;

    @Enumerated(EnumType.STRING)
    public ProgramStatus status;

    @Column(name = "weak_point")
    public String weakPoint;

    /** The equipment the member has; {@code null} for a full gym. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> equipment;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> conditions = new ArrayList<>();

    @Column(name = "sessions_per_week")
    public int sessionsPerWeek;

    @Column(name = "include_superset")
    public boolean includeSuperset;

    @Column(name = "include_arms")
    public boolean includeArms;

    /** Length of the cycle in weeks. */
    public int weeks;

    @Enumerated(EnumType.STRING)
    @Column(name = "mobility_focus")
    public MobilityFocus mobilityFocus;

    @Enumerated(EnumType.STRING)
    @Column(name = "arms_focus")
    public ArmsFocus armsFocus;

    @Enumerated(EnumType.STRING)
    @Column(name = "superset_start")
    public SupersetStart supersetStart;

    /** The generated plan as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String plan;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;

    /** A member's programs, newest first. */
    public static List<Program> ofMember(String tenant, String member, int pageIndex, int pageSize) {
        return find("tenantId = ?1 and memberId = ?2", Sort.descending("createdAt").and("id"), tenant, member)
                .page(Page.of(pageIndex, pageSize)).list();
    }

    public static long countOfMember(String tenant, String member) {
        return count("tenantId = ?1 and memberId = ?2", tenant, member);
    }

    /** The program if it belongs to the tenant. */
    public static Optional<Program> findOwned(UUID id, String tenant) {
        return find("id = ?1 and tenantId = ?2", id, tenant).firstResultOptional();
    }

    /** The program if it belongs to the tenant, locked until the transaction ends, so changes to it queue up. */
    public static Optional<Program> lockOwned(UUID id, String tenant) {
        return find("id = ?1 and tenantId = ?2", id, tenant).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }
}
