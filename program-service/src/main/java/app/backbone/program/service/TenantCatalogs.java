package app.backbone.program.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import app.backbone.common.catalog.CatalogChanged;
import app.backbone.common.catalog.CatalogExercise;
import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheResult;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The exercises each tenant can use, loaded from the read model at most once per
 * {@code backbone.catalog-read-model.cache-ttl} per tenant (cache {@value #CACHE}) and dropped at once when this
 * instance applies a catalog change. Another instance's change (it consumes other partitions into the same
 * database) shows here after that time at the latest.
 */
@ApplicationScoped
public class TenantCatalogs {

    static final String CACHE = "tenant-catalogs";

    /** The tenant's usable exercises, global and its own, not retired. */
    @CacheResult(cacheName = CACHE)
    ReadModelCatalog forTenant(String tenant) {
        return QuarkusTransaction.joiningExisting().call(() -> new ReadModelCatalog(CatalogExercise.usableBy(tenant)));
    }

    /** Forgets every loaded catalog; the next request of each tenant reads the read model again. */
    @CacheInvalidateAll(cacheName = CACHE)
    void onCatalogChanged(@Observes CatalogChanged changed) {
        // the interceptor empties the cache
    }
}
