package app.backbone.program.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import app.backbone.common.messaging.ConsumerCatchUp;
import app.backbone.program.messaging.CatalogTopics;
import io.quarkus.scheduler.Scheduled;

/** Ready once the catalog read model has consumed the catalog topic up to where it ended when the service started. */
@Readiness
@ApplicationScoped
public class CatalogCatchUp implements HealthCheck {

    private final ConsumerCatchUp catchUp;

    public CatalogCatchUp(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "mp.messaging.incoming.\"catalog.exercises\".group.id") String groupId) {
        this.catchUp = new ConsumerCatchUp(bootstrapServers, CatalogTopics.EXERCISES, groupId);
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Catalog read model caught up").status(catchUp.caughtUp())
                .withData("status", catchUp.status()).build();
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        catchUp.check();
    }

    @PreDestroy
    void close() {
        catchUp.close();
    }
}
