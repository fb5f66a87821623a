package app.backbone.localstack.bench;

import static app.backbone.localstack.bench.BenchContext.JSON;
import static app.backbone.localstack.bench.BenchContext.STALL_TIMEOUT;
import static app.backbone.localstack.bench.BenchContext.WEBHOOK;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;

import app.backbone.localstack.bench.Figure.Unit;

/**
 * (g) Insight to delivered webhook: a tenant of its own subscribes a {@link WebhookReceiver} on loopback to
 * {@code record.achieved} and {@code deload.recommended}; insights are published straight to {@value #TOPIC} at a
 * steady rate, open loop, spread over {@value #MEMBERS} members (webhook-service keeps each member's deliveries in
 * order), and each is timed from when it was due to be sent to when its delivery first arrived.
 */
final class WebhookLatency {

    /** The topic webhook-service consumes insights from (key = tenantId/memberId). */
    static final String TOPIC = "training.insights";
    private static final String TENANT = "bench-webhooks";
    private static final int MEMBERS = 500;
    private static final int DELOAD_ONE_IN = 4;
    /** As many as webhook-service sends at once ({@code backbone.webhooks.delivery.concurrency}). */
    private static final int RECEIVER_THREADS = 16;
    private static final Duration CHECK_EVERY = Duration.ofMillis(100);
    /**
     * Sent before the measured ones (half the measured period if that is shorter): right after the stack's start every
     * service is still compiling its hot paths, and webhook-service delivers more slowly than 50/s for the first
     * seconds; what is measured is the steady rate after that.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(30);

    private final BenchContext bench;

    WebhookLatency(BenchContext bench) {
        this.bench = bench;
    }

    void measure() throws Exception {
        SteadyRate rate = new SteadyRate(bench.options.webhookRate());
        Duration measured = bench.options.webhooks();
        Duration warmUp = measured.dividedBy(2).compareTo(WARM_UP) < 0 ? measured.dividedBy(2) : WARM_UP;
        long warmUpCount = rate.count(warmUp);
        long total = warmUpCount + rate.count(measured);
        bench.out.printf("%n(g) Webhook delivery: %d insights/s of %d members to %s for %d s after %d s of warm-up, "
                + "one subscription to a receiver on loopback ...%n", rate.perSecond(), MEMBERS, TOPIC,
                measured.toSeconds(), warmUp.toSeconds());
        WebhookArrivals arrivals = new WebhookArrivals();
        double firstSeconds;
        double sendSeconds;
        double lastArrivalAfterSend;
        long firstMeasuredDue;
        try (WebhookReceiver receiver = new WebhookReceiver(arrivals, RECEIVER_THREADS);
             KafkaProducer<String, String> producer = SessionEvents.producer(bench.stack.kafkaBootstrapServers(),
                     0)) {
            subscribe(receiver.url());
            AtomicReference<Exception> failure = new AtomicReference<>();
            long primed = System.nanoTime();
            send(producer, arrivals, total, primed, false, failure);
            flush(producer, failure);
            awaitArrivals(arrivals, 1);
            firstSeconds = (System.nanoTime() - primed) / 1e9;
            long started = System.nanoTime();
            firstMeasuredDue = rate.dueNanos(started, warmUpCount);
            bench.startProgress();
            for (long i = 0; i < total; i++) {
                send(producer, arrivals, i, rate.awaitDue(started, i), i >= warmUpCount, failure);
                bench.progress("sent %,d of %,d", i + 1, total);
            }
            flush(producer, failure);
            long sent = System.nanoTime();
            sendSeconds = (sent - started) / 1e9;
            awaitArrivals(arrivals, total + 1);
            lastArrivalAfterSend = (arrivals.lastMeasuredArrival() - sent) / 1e9;
        }
        Histogram micros = arrivals.micros();
        long counted = micros.getTotalCount();
        double deliveredRate = counted / ((arrivals.lastMeasuredArrival() - firstMeasuredDue) / 1e9);
        bench.out.printf("  %,d measured insights: p50 %s, p99 %s, max %s; delivered at %.1f/s; %d duplicates%n",
                counted, Unit.MILLISECONDS.format(Latencies.millis(micros, 50)),
                Unit.MILLISECONDS.format(Latencies.millis(micros, 99)),
                Unit.MILLISECONDS.format(Latencies.millis(micros, 100)), deliveredRate, arrivals.duplicates());
        SortedMap<Long, Integer> slow = arrivals.slowBySecond();
        if (!slow.isEmpty()) {
            bench.out.printf("  over 1 s: %,d insights, by the second of the run they were due in: %s%n",
                    slow.values().stream().mapToInt(Integer::intValue).sum(), slow);
        }
        bench.details.add(String.format(Locale.ROOT, "(g) %,d insights (one in %d DELOAD_RECOMMENDED, the rest "
                + "RECORD_ACHIEVED) of %d members sent in %.1f s (%.1f insights/s) after a first one had arrived "
                + "(%.1f s after its send), the first %,d as warm-up; all delivered, the last measured one %.1f s "
                + "after the last send; %,d measured, delivered at %.1f/s; %d duplicates, %d requests for no published "
                + "insight; max %s.", total, DELOAD_ONE_IN, MEMBERS, sendSeconds, total / sendSeconds, firstSeconds,
                warmUpCount, lastArrivalAfterSend, counted, deliveredRate, arrivals.duplicates(),
                arrivals.unexpected(), Unit.MILLISECONDS.format(Latencies.millis(micros, 100))));
        String name = String.format(Locale.ROOT, "insight to delivered webhook at %d insights/s, ", rate.perSecond());
        bench.figures.add(Figure.of("g", name + "p50", Unit.MILLISECONDS, Latencies.millis(micros, 50), null));
        bench.figures.add(Figure.of("g", name + "p99", Unit.MILLISECONDS, Latencies.millis(micros, 99), null));
        bench.figures.add(Figure.of("g", String.format(Locale.ROOT, "webhooks delivered per second at %d insights/s",
                rate.perSecond()), Unit.EVENTS_PER_SECOND, deliveredRate, null));
    }

    /** Publishes insight {@code i}, due at {@code due}; a failed send is left in {@code failure}. */
    private void send(KafkaProducer<String, String> producer, WebhookArrivals arrivals, long i, long due,
            boolean measured, AtomicReference<Exception> failure) throws JsonProcessingException {
        String eventId = UUID.randomUUID().toString();
        arrivals.published(eventId, due, measured);
        String member = "member-" + i % MEMBERS;
        producer.send(new ProducerRecord<>(TOPIC, TENANT + "/" + member, insight(eventId, member, i)),
                (metadata, error) -> {
                    if (error != null) {
                        failure.set(error);
                    }
                });
    }

    private static void flush(KafkaProducer<String, String> producer, AtomicReference<Exception> failure)
            throws Exception {
        producer.flush();
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** Subscribes the receiver for the tenant, with a token of its role {@code integration}. */
    private void subscribe(String url) throws Exception {
        String token = bench.stack.token(TENANT, List.of("integration"), Duration.ofHours(2));
        bench.call(bench.url(WEBHOOK, "/webhooks"), JSON.writeValueAsString(Map.of("url", url, "events",
                List.of("record.achieved", "deload.recommended"), "description", "./backbone bench (g)")), token);
    }

    /**
     * Waits until every published insight ({@code total} so far) arrived; fails when none more arrive for the stall
     * time-out.
     */
    private void awaitArrivals(WebhookArrivals arrivals, long total) throws InterruptedException {
        long delivered = arrivals.delivered();
        long lastChange = System.nanoTime();
        while (arrivals.waiting() > 0) {
            Thread.sleep(CHECK_EVERY.toMillis());
            long now = arrivals.delivered();
            if (now > delivered) {
                delivered = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > STALL_TIMEOUT.toNanos()) {
                throw new IllegalStateException("webhook-service delivered " + delivered + " of " + total
                        + " insights and none more for " + STALL_TIMEOUT.toSeconds() + " s");
            }
            bench.progress("delivered %,d of %,d", delivered, total);
        }
    }

    /** A valid record of the topic's schema: a record beaten, or one in {@value #DELOAD_ONE_IN} a deload. */
    private String insight(String eventId, String member, long i) throws JsonProcessingException {
        String now = Instant.now().toString();
        String exercise = bench.exerciseIds().get((int) (i % bench.exerciseIds().size()));
        boolean deload = i % DELOAD_ONE_IN == DELOAD_ONE_IN - 1;
        return JSON.writeValueAsString(Map.of(
                "eventId", eventId,
                "schemaVersion", 1,
                "type", deload ? "DELOAD_RECOMMENDED" : "RECORD_ACHIEVED",
                "occurredAt", now,
                "tenantId", TENANT,
                "memberId", member,
                "exerciseId", exercise,
                "sessionId", "webhook-bench-" + i,
                "completedAt", now,
                deload ? "recommendation" : "record", deload
                        ? Map.of("action", "DELOAD", "nextLoadKg", 90.0, "reason", "Two sessions short of the reps")
                        : Map.of("kind", "HEAVIEST_LOAD", "previousValue", 100 + i % 50, "newValue", 102.5 + i % 50,
                                "unit", "kg")));
    }
}
