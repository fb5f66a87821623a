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

    /** A new exercise with the given content. */
    public static Exercise create(String id, Scope scope, String tenantId, ExerciseDefinition content, Instant now) {
        Exercise exercise = new Exercise();
        exercise.id = id;
        exercise.scope = scope;
        exercise.tenantId = tenantId;
        exercise.createdAt = now;
        exercise.apply(content, now);
        return exercise;
    }

    /** Replaces the content (not the id, scope or tenant). */
    public void apply(ExerciseDefinition content, Instant now) {
        name = content.name();
        description = content.description();
        category = content.category();
        movementPattern = content.movementPattern();
        primaryMuscles = new ArrayList<>(content.primaryMuscles());
        secondaryMuscles = new ArrayList<>(content.secondaryMuscles());
        equipment = new ArrayList<>(content.equipment());
        laterality = content.laterality();
        measure = content.measure();
        loadable = content.loadable();
        contraindications = new ArrayList<>(content.contraindications());
        cues = new ArrayList<>(content.cues());
        mediaUrls = new ArrayList<>(content.mediaUrls());
        updatedAt = now;
    }

    /** The content, as it would be written in the library file. */
    public ExerciseDefinition content() {
        return new ExerciseDefinition(id, name, description, category, movementPattern, primaryMuscles,
                secondaryMuscles, equipment, laterality, measure, loadable, contraindications, cues, mediaUrls);
    }

    /** The exercise if the tenant may see it, retired or not. */
    public static Optional<Exercise> findVisible(String id, String tenant) {
        return find("id = ?1 and (scope = ?2 or tenantId = ?3)", id, Scope.GLOBAL, tenant).firstResultOptional();
    }

    /** All global exercises, retired ones included. */
    public static List<Exercise> globals() {
        return list("scope", Scope.GLOBAL);
    }
}
