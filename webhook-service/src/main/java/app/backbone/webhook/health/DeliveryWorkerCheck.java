package app.backbone.webhook.health;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import app.backbone.webhook.service.DeliveryWorker;

/** Live while the delivery rounds keep coming: a stuck timer would stop every delivery without another sign. */
@Liveness
@ApplicationScoped
public class DeliveryWorkerCheck implements HealthCheck {

    private static final Duration STUCK = Duration.ofMinutes(1);

    private final DeliveryWorker worker;

    public DeliveryWorkerCheck(DeliveryWorker worker) {
        this.worker = worker;
    }

    @Override
    public HealthCheckResponse call() {
        Duration since = worker.sinceLastRound();
        return HealthCheckResponse.named("Webhook delivery rounds")
                .status(since.compareTo(STUCK) < 0)
                .withData("sinceLastRoundMs", since.toMillis())
                .withData("sending", worker.sending())
                .build();
    }
}
