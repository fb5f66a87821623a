package app.backbone.common.catalog;

import java.time.Duration;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import app.backbone.common.messaging.ConsumerCatchUp;
import app.backbone.common.messaging.KafkaAdmins;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;

/** Ready once the read model has consumed the catalog topic up to where it ended when the service started. */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "backbone.catalog-read-model.enabled", stringValue = "true")
public class CatalogCatchUp implements HealthCheck {

    private final ConsumerCatchUp catchUp;

    public CatalogCatchUp(KafkaAdmins admins, CatalogReadModelConfig config) {
        this.catchUp = new ConsumerCatchUp(admins.config(Duration.ofSeconds(5)), CatalogTopic.EXERCISES,
                config.groupId());
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
