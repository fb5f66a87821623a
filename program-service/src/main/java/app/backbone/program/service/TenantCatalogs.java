package app.backbone.program.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.backbone.program.domain.CatalogExercise;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The exercises each tenant can use, loaded from the read model at most once per {@code ttl} per tenant and
 * dropped at once when this instance applies a catalog change. Another instance's change (it consumes other
 * partitions into the same database) shows here after {@code ttl} at the latest.
 */
@ApplicationScoped
public class TenantCatalogs {

    private record Loaded(ReadModelCatalog catalog, long loadedAtNanos) {
    }

    private final Map<String, Loaded> byTenant = new ConcurrentHashMap<>();
    private final long ttlNanos;

    public TenantCatalogs(@ConfigProperty(name = "backbone.program.catalog-cache-ttl", defaultValue = "PT1S")
            Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    /** The tenant's usable exercises, global and its own, not retired. */
    ReadModelCatalog forTenant(String tenant) {
        long now = System.nanoTime();
        Loaded loaded = byTenant.get(tenant);
        if (loaded == null || now - loaded.loadedAtNanos() >= ttlNanos) {
            loaded = new Loaded(QuarkusTransaction.joiningExisting()
                    .call(() -> new ReadModelCatalog(CatalogExercise.usableBy(tenant))), now);
            byTenant.put(tenant, loaded);
        }
        return loaded.catalog();
    }

    /** Forgets every loaded catalog; the next request of each tenant reads the read model again. */
    public void invalidate() {
        byTenant.clear();
    }
}
