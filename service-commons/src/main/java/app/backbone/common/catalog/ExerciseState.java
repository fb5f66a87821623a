package app.backbone.common.catalog;

import java.time.Instant;
import java.util.List;

/**
 * What the catalog read model keeps of a {@value CatalogTopic#EXERCISES} record. A consuming service's own copy
 * of catalog-service's {@code ExerciseChanged} event implements it; enum-valued fields are text, so that values a
 * newer catalog adds do not break the read model.
 */
public interface ExerciseState {

    Instant occurredAt();

    String exerciseId();

    String scope();

    String tenantId();

    long version();

    boolean retired();

    String name();

    String category();

    String movementPattern();

    List<String> primaryMuscles();

    List<String> secondaryMuscles();

    List<String> equipment();

    String laterality();

    String measure();

    boolean loadable();

    List<String> contraindications();
}
