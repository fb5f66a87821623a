package app.backbone.logging.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import app.backbone.common.catalog.CatalogChanged;
import app.backbone.common.catalog.CatalogExercise;
import app.backbone.logging.domain.figures.ExerciseFacts;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What the catalog read model knows of exercises, kept in the {@value #CACHE} cache (absence included) for at most
 * {@code backbone.catalog-read-model.cache-ttl} and dropped at once when this instance applies a catalog change.
 * Another instance's change shows here after that time at the latest.
 */
@ApplicationScoped
public class CatalogFacts {

    static final String CACHE = "catalog-facts";

    private final CaffeineCache byId;
    private final AtomicLong generation = new AtomicLong();

    public CatalogFacts(@CacheName(CACHE) Cache cache) {
        this.byId = cache.as(CaffeineCache.class);
    }

    /** The facts of those exercises the read model holds, by id. */
    public Map<String, ExerciseFacts> of(Set<String> exerciseIds) {
        List<ExerciseFacts> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : exerciseIds) {
            CompletableFuture<Optional<ExerciseFacts>> known = byId.getIfPresent(id);
            if (known == null) {
                missing.add(id);
            } else {
                known.join().ifPresent(found::add);
            }
        }
        if (!missing.isEmpty()) {
            long loadedIn = generation.get();
            Map<String, ExerciseFacts> loaded = ExerciseFacts.byId(QuarkusTransaction.joiningExisting().call(
                    () -> CatalogExercise.byIds(missing).stream()
                            .map(e -> new ExerciseFacts(e.id, e.category, e.movementPattern,
                                    e.primaryMuscles, e.secondaryMuscles))
                            .toList()));
            if (generation.get() == loadedIn) {
                missing.forEach(id -> byId.put(id, CompletableFuture.completedFuture(
                        Optional.ofNullable(loaded.get(id)))));
            }
            found.addAll(loaded.values());
        }
        return ExerciseFacts.byId(found);
    }

    /** Changes whenever a catalog change drops the facts, so that anything computed from earlier facts can tell. */
    public long generation() {
        return generation.get();
    }

    /** Forgets everything loaded; the next read of each exercise goes to the read model again. */
    void invalidate(@Observes CatalogChanged changed) {
        generation.incrementAndGet();
        byId.invalidateAll().await().indefinitely();
    }
}
