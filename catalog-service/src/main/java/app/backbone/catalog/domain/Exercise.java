package app.backbone.catalog.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** An exercise of the library. Retired exercises stay stored so that history referring to them keeps its meaning. */
@Entity
@Table(name = "exercise")
public class Exercise extends PanacheEntityBase {

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    public Scope scope;

    @Column(name = "tenant_id")
    public String tenantId;

    public String name;

    public String description;

    @Enumerated(EnumType.STRING)
    public Category category;

    @Enumerated(EnumType.STRING)
    @Column(name = "movement_pattern")
    public MovementPattern movementPattern;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "primary_muscles")
    public List<Muscle> primaryMuscles = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "secondary_muscles")
    public List<Muscle> secondaryMuscles = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<Equipment> equipment = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public Laterality laterality;

    @Enumerated(EnumType.STRING)
    public Measure measure;

    public boolean loadable;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<Contraindication> contraindications = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> cues = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "media_urls")
    public List<String> mediaUrls = new ArrayList<>();

    public boolean retired;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The tenant's view of the library: global exercises and its own, without retired ones, by name. */
    public static List<Exercise> visibleTo(String tenant, int pageIndex, int pageSize) {
        return find("retired = false and (scope = ?1 or tenantId = ?2)", Sort.by("name").and("id"), Scope.GLOBAL,
                tenant).page(Page.of(pageIndex, pageSize)).list();
    }

    /** How many exercises {@link #visibleTo} would list on all pages. */
    public static long countVisibleTo(String tenant) {
        return count("retired = false and (scope = ?1 or tenantId = ?2)", Scope.GLOBAL, tenant);
    }

    /** The exercise if the tenant may see it. */
    public static Optional<Exercise> findVisible(String id, String tenant) {
        return find("id = ?1 and (scope = ?2 or tenantId = ?3)", id, Scope.GLOBAL, tenant).firstResultOptional();
    }
}
