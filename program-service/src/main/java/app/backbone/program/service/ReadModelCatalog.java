package app.backbone.program.service;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import app.backbone.common.catalog.CatalogExercise;
import app.backbone.program.domain.generator.CatalogEntry;
import app.backbone.program.domain.generator.Category;
import app.backbone.program.domain.generator.Condition;
import app.backbone.program.domain.generator.Equipment;
import app.backbone.program.domain.generator.ExerciseCatalog;
import app.backbone.program.domain.generator.Laterality;
import app.backbone.program.domain.generator.Measure;
import app.backbone.program.domain.generator.MovementPattern;
import app.backbone.program.domain.generator.Muscle;

/**
 * The exercises one tenant can use, from the local read model, in the generator's vocabulary. Entries with a
 * value this release does not know (a newer catalog) are left out rather than guessed.
 */
final class ReadModelCatalog implements ExerciseCatalog {

    private final Map<String, CatalogEntry> byId = new HashMap<>();
    private final Map<MovementPattern, List<CatalogEntry>> byPattern = new EnumMap<>(MovementPattern.class);

    ReadModelCatalog(List<CatalogExercise> rows) {
        for (CatalogExercise row : rows) {
            toEntry(row).ifPresent(entry -> byId.put(entry.id(), entry));
        }
        byPattern.putAll(byId.values().stream().sorted(java.util.Comparator.comparing(CatalogEntry::id))
                .collect(Collectors.groupingBy(CatalogEntry::pattern, () -> new EnumMap<>(MovementPattern.class),
                        Collectors.toList())));
    }

    @Override
    public Optional<CatalogEntry> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<CatalogEntry> byPattern(MovementPattern pattern) {
        return byPattern.getOrDefault(pattern, List.of());
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }

    private static Optional<CatalogEntry> toEntry(CatalogExercise row) {
        try {
            return Optional.of(new CatalogEntry(row.id, row.name, Category.valueOf(row.category),
                    MovementPattern.valueOf(row.movementPattern), muscles(row.primaryMuscles),
                    muscles(row.secondaryMuscles), enumSet(row.equipment, Equipment.class),
                    Laterality.valueOf(row.laterality), Measure.valueOf(row.measure), row.loadable,
                    enumSet(row.contraindications, Condition.class)));
        } catch (IllegalArgumentException unknownValue) {
            return Optional.empty();
        }
    }

    private static List<Muscle> muscles(List<String> names) {
        return names.stream().map(Muscle::valueOf).toList();
    }

    private static <E extends Enum<E>> Set<E> enumSet(List<String> names, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        names.forEach(name -> values.add(Enum.valueOf(type, name)));
        return values;
    }
}
