package app.backbone.webhook.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import app.backbone.webhook.config.WebhookConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends due deliveries: every {@code backbone.webhooks.delivery.interval} it takes as many as it has free senders
 * for, leaving out the subscriptions it is still sending to, and sends them in parallel, so that a slow or dead
 * endpoint occupies at most its own share of senders and never holds up other subscriptions or tenants.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final DeliveryStore store;
    private final DeliverySender sender;
    private final int concurrency;
    private final ExecutorService senders;
    private final Map<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger sending = new AtomicInteger();

    public DeliveryWorker(DeliveryStore store, DeliverySender sender, WebhookConfig config) {
        this.store = store;
        this.sender = sender;
        this.concurrency = config.delivery().concurrency();
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "webhook-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(every = "${backbone.webhooks.delivery.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "webhook-deliveries")
    void round() {
        int free = concurrency - sending.get();
        if (free <= 0) {
            return;
        }
        List<ClaimedDelivery> claimed = store.claim(free, List.copyOf(inFlight.keySet()));
        for (ClaimedDelivery delivery : claimed) {
            sending.incrementAndGet();
            inFlight.computeIfAbsent(delivery.subscriptionId(), id -> new AtomicInteger()).incrementAndGet();
            senders.execute(() -> deliver(delivery));
        }
    }

    private void deliver(ClaimedDelivery delivery) {
        try {
            store.record(delivery, sender.send(delivery));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not record an attempt of delivery %s; it is sent again when its lease ends",
                    delivery.id());
        } finally {
            inFlight.computeIfPresent(delivery.subscriptionId(),
                    (id, count) -> count.decrementAndGet() == 0 ? null : count);
            sending.decrementAndGet();
        }
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }
}
