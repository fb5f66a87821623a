package app.backbone.program.domain.generator;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What the generator needs to know about one catalog exercise. */
public record CatalogEntry(String id, String name, Category category, MovementPattern pattern,
        List<Muscle> primaryMuscles, List<Muscle> secondaryMuscles, Set<Equipment> equipment, Laterality laterality,
        Measure measure, boolean loadable, Set<Condition> contraindications) {

    public CatalogEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(laterality, "laterality");
        Objects.requireNonNull(measure, "measure");
        primaryMuscles = primaryMuscles == null ? List.of() : List.copyOf(primaryMuscles);
        secondaryMuscles = secondaryMuscles == null ? List.of() : List.copyOf(secondaryMuscles);
        equipment = equipment == null ? Set.of() : Set.copyOf(equipment);
        contraindications = contraindications == null ? Set.of() : Set.copyOf(contraindications);
    }
}
