package app.backbone.common.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One exercise of a service's catalog read model, in the latest state the topic has delivered. Written only by
 * {@link CatalogReadModel}; a service with the read model has the {@code catalog_exercise} table in its migrations.
 */
@Entity
@Table(name = "catalog_exercise")
public class CatalogExercise extends PanacheEntityBase {

    @Id
    public String id;

    public String scope;

    @Column(name = "tenant_id")
    public String tenantId;

    public long version;

    public boolean retired;

    public String name;

    public String category;

    @Column(name = "movement_pattern")
    public String movementPattern;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "primary_muscles")
    public List<String> primaryMuscles = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "secondary_muscles")
    public List<String> secondaryMuscles = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> equipment = new ArrayList<>();

    public String laterality;

    public String measure;

    public boolean loadable;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> contraindications = new ArrayList<>();

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The exercises a tenant can use: global ones and its own, not retired. */
    public static List<CatalogExercise> usableBy(String tenant) {
        return list("retired = false and (scope = 'GLOBAL' or tenantId = ?1)", tenant);
    }

    /** The stored exercises with these ids, retired or not; ids the read model does not hold are left out. */
    public static List<CatalogExercise> byIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }
}
