package app.backbone.logging.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import app.backbone.common.catalog.CatalogChanged;
import app.backbone.common.catalog.CatalogExercise;
import app.backbone.common.catalog.CatalogReadModelConfig;
import app.backbone.logging.domain.figures.ExerciseFacts;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What the catalog read model knows of exercises, kept in memory for at most {@code ttl} per exercise (absence
 * included) and dropped at once when this instance applies a catalog change. Another instance's change shows
 * here after {@code ttl} at the latest.
 */
@ApplicationScoped
public class CatalogFacts {

    private record Known(Optional<ExerciseFacts> facts, long loadedAtNanos) {
    }

    private final Map<String, Known> byId = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final AtomicLong generation = new AtomicLong();

    public CatalogFacts(CatalogReadModelConfig config) {
        this.ttlNanos = config.cacheTtl().toNanos();
    }

    /** The facts of those exercises the read model holds, by id. */
    public Map<String, ExerciseFacts> of(Set<String> exerciseIds) {
        long now = System.nanoTime();
        List<ExerciseFacts> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : exerciseIds) {
            Known known = byId.get(id);
            if (known == null || now - known.loadedAtNanos() >= ttlNanos) {
                missing.add(id);
            } else {
                known.facts().ifPresent(found::add);
            }
        }
        if (!missing.isEmpty()) {
            List<ExerciseFacts> loaded = QuarkusTransaction.joiningExisting().call(() -> CatalogExercise
                    .byIds(missing).stream()
                    .map(e -> new ExerciseFacts(e.id, e.movementPattern, e.primaryMuscles, e.secondaryMuscles))
                    .toList());
            missing.forEach(id -> byId.put(id, new Known(Optional.empty(), now)));
            loaded.forEach(facts -> byId.put(facts.exerciseId(), new Known(Optional.of(facts), now)));
            found.addAll(loaded);
        }
        return ExerciseFacts.byId(found);
    }

    /** How long facts are kept; figures computed from them are kept no longer. */
    public long ttlNanos() {
        return ttlNanos;
    }

    /** Changes whenever {@link #invalidate()} runs, so that anything computed from earlier facts can tell. */
    public long generation() {
        return generation.get();
    }

    /** Forgets everything loaded; the next read of each exercise goes to the read model again. */
    void invalidate(@Observes CatalogChanged changed) {
        generation.incrementAndGet();
        byId.clear();
    }
}
