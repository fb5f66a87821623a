package app.backbone.webhook.service;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import app.backbone.webhook.config.WebhookConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends due deliveries: in rounds, every {@code backbone.webhooks.delivery.interval} and at once when deliveries are
 * made due here or a send ends, it takes as many as it has free senders for (per subscription no more than its share
 * less the sends to it in flight) and sends them in parallel, so that a slow or dead endpoint occupies at most its
 * own share of senders and never holds up other subscriptions or tenants. The rounds run on a thread of their own,
 * since Quarkus' scheduler ticks no faster than once a second.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final DeliveryStore store;
    private final DeliverySender sender;
    private final int concurrency;
    private final long intervalMillis;
    private final ScheduledExecutorService rounds;
    private final ExecutorService senders;
    private final Map<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger sending = new AtomicInteger();
    private final AtomicBoolean roundAsked = new AtomicBoolean();
    private volatile long lastRoundNanos = System.nanoTime();

    public DeliveryWorker(DeliveryStore store, DeliverySender sender, WebhookConfig config) {
        this.store = store;
        this.sender = sender;
        this.concurrency = config.delivery().concurrency();
        this.intervalMillis = config.delivery().interval().toMillis();
        this.rounds = Executors.newSingleThreadScheduledExecutor(daemon("webhook-rounds"));
        this.senders = Executors.newFixedThreadPool(concurrency, daemon("webhook-sender"));
    }

    void start(@Observes StartupEvent event) {
        rounds.scheduleWithFixedDelay(this::round, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Asks for a round as soon as the rounds' thread is free, without waiting for the interval: deliveries were made
     * due, or a send ended and freed its place. Asks made while one is waiting count once.
     */
    public void nudge() {
        if (roundAsked.compareAndSet(false, true)) {
            try {
                rounds.execute(() -> {
                    roundAsked.set(false);
                    round();
                });
            } catch (RejectedExecutionException e) {
                roundAsked.set(false);
            }
        }
    }

    private void round() {
        try {
            claimAndSend();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not take due deliveries");
        }
        lastRoundNanos = System.nanoTime();
    }

    /** How long ago the last round ended, whether or not it could reach the database. */
    public Duration sinceLastRound() {
        return Duration.ofNanos(System.nanoTime() - lastRoundNanos);
    }

    /** Sends in flight now. */
    public int sending() {
        return sending.get();
    }

    private void claimAndSend() {
        int free = concurrency - sending.get();
        if (free <= 0) {
            return;
        }
        Map<UUID, Integer> busy = new HashMap<>();
        inFlight.forEach((subscription, count) -> busy.put(subscription, count.get()));
        List<ClaimedDelivery> claimed = store.claim(free, busy);
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
            nudge();
        }
    }

    @PreDestroy
    void stop() {
        rounds.shutdownNow();
        senders.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger threads = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
