package app.backbone.logging.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** A tenant's own name for a catalog exercise, as another app writes it; imports try these names first. */
@Entity
@Table(name = "exercise_alias")
public class ExerciseAlias extends PanacheEntityBase {

    /** Tenant and the name normalised for comparison (case, accents, punctuation and spacing ignored). */
    @Embeddable
    public record Key(@Column(name = "tenant_id") String tenantId, @Column(name = "name_key") String nameKey)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    /** The name as last given. */
    public String name;

    @Column(name = "exercise_id")
    public String exerciseId;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<ExerciseAlias> find(String tenant, String nameKey) {
        return findByIdOptional(new Key(tenant, nameKey));
    }

    /** The tenant's aliases, by name. */
    public static List<ExerciseAlias> ofTenant(String tenant, int pageIndex, int pageSize) {
        return find("key.tenantId", Sort.ascending("key.nameKey"), tenant).page(Page.of(pageIndex, pageSize)).list();
    }

    public static long countOfTenant(String tenant) {
        return count("key.tenantId", tenant);
    }

    /** Every alias of the tenant: exercise id by name key. */
    public static Map<String, String> byKey(String tenant) {
        return ExerciseAlias.<ExerciseAlias>list("key.tenantId", tenant).stream()
                .collect(Collectors.toMap(a -> a.key.nameKey(), a -> a.exerciseId));
    }
}
