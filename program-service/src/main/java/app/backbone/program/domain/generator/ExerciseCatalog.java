package app.backbone.program.domain.generator;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The exercises a tenant can use right now: global and the tenant's own, retired ones left out. */
public interface ExerciseCatalog {

    Optional<CatalogEntry> find(String id);

    /** Every usable exercise of the pattern, in a stable order. */
    List<CatalogEntry> byPattern(MovementPattern pattern);

    /** A catalog holding exactly these entries, in the given order; a later entry with the same id wins. */
    static ExerciseCatalog of(Collection<CatalogEntry> entries) {
        Map<String, CatalogEntry> byId = new LinkedHashMap<>();
        entries.forEach(entry -> byId.put(entry.id(), entry));
        return new ExerciseCatalog() {
            @Override
            public Optional<CatalogEntry> find(String id) {
                return Optional.ofNullable(byId.get(id));
            }

            @Override
            public List<CatalogEntry> byPattern(MovementPattern pattern) {
                return byId.values().stream().filter(entry -> entry.pattern() == pattern).toList();
            }
        };
    }
}
