package app.backbone.localstack.bench;

import static app.backbone.localstack.bench.BenchContext.LOGGING;
import static app.backbone.localstack.bench.BenchContext.TENANT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import app.backbone.localstack.bench.Figure.Target;
import app.backbone.localstack.bench.Figure.Unit;

/**
 * (b) Publish-to-visible latency: publishes events at a steady rate and tracks one in {@value #TRACK_ONE_IN} (each
 * for a member of its own) until logging-service's {@code GET /members/{m}/sessions} shows it. To keep the polling
 * light whatever the latency, only the oldest tracked event of each partition is polled (logging-service stores a
 * partition in order; were it not to, later events would only be seen later, never earlier); when it shows, the
 * next one of its partition is polled at once.
 */
final class Freshness {

    private static final int TRACK_ONE_IN = 20;
    private static final Duration POLL_EVERY = Duration.ofMillis(25);
    private static final Duration VISIBLE_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    /**
     * What one run measured.
     *
     * @param micros   latencies of the tracked events; those never seen count as {@link #VISIBLE_TIMEOUT}
     * @param missing  tracked events not seen within {@link #VISIBLE_TIMEOUT}
     */
    private record Result(Histogram micros, int missing, long sent, double sendSeconds, double meanRoundMillis,
            long polls, long measuredEvents, ProcessCpu.Window cpu) {

        double millis(double percentile) {
            return Latencies.millis(micros, percentile);
        }
    }

    /** A tracked event: its member and when it was sent. */
    private record Probe(String member, long sentAt) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final BenchContext bench;
    private final String sessionsUrl;
    private final Map<Integer, Queue<Probe>> pending = new ConcurrentHashMap<>();
    private final Histogram micros = Latencies.micros();
    private volatile long deadline = Long.MAX_VALUE;
    private long rounds;
    private long roundNanos;
    private long polls;

    Freshness(BenchContext bench) {
        this.bench = bench;
        this.sessionsUrl = bench.url(LOGGING, "/members/%s/sessions?size=1");
    }

    void measure() throws Exception {
        BenchOptions options = bench.options;
        int rate = options.rate();
        Duration warmUp = options.freshness().dividedBy(10);
        bench.out.printf("%n(b) Freshness: %d events/s for %d s after %d s of warm-up; one in %d tracked until "
                + "GET /members/{m}/sessions shows it, polled every %d ms ...%n", rate,
                options.freshness().toSeconds(), warmUp.toSeconds(), TRACK_ONE_IN, POLL_EVERY.toMillis());
        Result result;
        try (KafkaProducer<String, String> producer = SessionEvents.producer(bench.stack.kafkaBootstrapServers(),
                0)) {
            long total = rate * (warmUp.toSeconds() + options.freshness().toSeconds());
            bench.startProgress();
            result = run(producer, new SessionEvents(bench.exerciseIds(), 3), options.members(), rate, warmUp,
                    options.freshness(), sent -> bench.progress("sent %,d of %,d", sent, total));
        }
        String missing = result.missing() == 0 ? "" : result.missing() + " not visible within "
                + VISIBLE_TIMEOUT.toSeconds() + " s (counted as that)";
        bench.out.printf("  %d tracked events: p50 %s, p99 %s, max %s%s%n", result.micros().getTotalCount(),
                Unit.MILLISECONDS.format(result.millis(50)), Unit.MILLISECONDS.format(result.millis(99)),
                Unit.MILLISECONDS.format(result.millis(100)), missing.isEmpty() ? "" : "; " + missing);
        bench.details.add(String.format(Locale.ROOT, "(b) %,d events sent in %.1f s (%.0f events/s); %d of them "
                + "tracked (one in %d after the warm-up)%s; polled every %d ms, a polling round took %.1f ms on "
                + "average, %,d polls in all; max %s; CPU per event after the warm-up (the polling included): %s.",
                result.sent(), result.sendSeconds(), result.sent() / result.sendSeconds(),
                result.micros().getTotalCount(), TRACK_ONE_IN, missing.isEmpty() ? "" : ", " + missing,
                POLL_EVERY.toMillis(), result.meanRoundMillis(), result.polls(),
                Unit.MILLISECONDS.format(result.millis(100)), result.cpu().perUnit(result.measuredEvents())));
        String name = String.format(Locale.ROOT, "publish to visible in API at %d events/s, ", rate);
        bench.figures.add(Figure.of("b", name + "p50", Unit.MILLISECONDS, result.millis(50), null));
        bench.figures.add(Figure.of("b", name + "p99", Unit.MILLISECONDS, result.millis(99), Target.below(250)));
        bench.figures.add(Figure.of("b", name + LOGGING + " CPU per event", Unit.MICROSECONDS,
                result.cpu().microsPer(LOGGING, result.measuredEvents()), null));
    }

    /**
     * Publishes {@code rate} events a second for the warm-up and the measured period (tracking events of the
     * measured period only), then waits for the tracked ones.
     *
     * @param sent told the number of events sent so far, after each send
     */
    private Result run(KafkaProducer<String, String> producer, SessionEvents events, int members, int rate,
            Duration warmUp, Duration measured, LongConsumer sent) throws Exception {
        long total = rate * (warmUp.toSeconds() + measured.toSeconds());
        long trackFrom = rate * warmUp.toSeconds();
        AtomicReference<Exception> failure = new AtomicReference<>();
        CompletableFuture<Void> polling = CompletableFuture.runAsync(this::poll,
                task -> new Thread(task, "bench-freshness-poller").start());
        Random random = new Random(4);
        long started = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        ProcessCpu.Window cpu = bench.cpu.window();
        for (long i = 0; i < total; i++) {
            long due = started + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (i == trackFrom) {
                cpu.began();
            }
            boolean tracked = i >= trackFrom && i % TRACK_ONE_IN == 0;
            String member = tracked ? "probe-" + i : "member-" + random.nextInt(members);
            long sentAt = System.nanoTime();
            producer.send(new ProducerRecord<>(SessionEvents.TOPIC, member, events.next(TENANT, member, "fresh-" + i,
                    Instant.now())), (metadata, error) -> {
                        if (error != null) {
                            failure.set(error);
                        } else if (tracked) {
                            pending.computeIfAbsent(metadata.partition(), p -> new ConcurrentLinkedQueue<>())
                                    .add(new Probe(member, sentAt));
                        }
                    });
            sent.accept(i + 1);
        }
        cpu.ended();
        producer.flush();
        double sendSeconds = (System.nanoTime() - started) / 1e9;
        deadline = System.nanoTime() + VISIBLE_TIMEOUT.toNanos();
        polling.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        int missing = pending.values().stream().mapToInt(Queue::size).sum();
        if (missing > 0) {
            micros.recordValueWithCount(VISIBLE_TIMEOUT.toNanos() / 1000, missing);
        }
        return new Result(micros, missing, total, sendSeconds, rounds == 0 ? 0 : roundNanos / 1e6 / rounds,
                polls, total - trackFrom, cpu);
    }

    private boolean nothingPending() {
        return pending.values().stream().allMatch(Queue::isEmpty);
    }

    private void poll() {
        while (System.nanoTime() < deadline && (deadline == Long.MAX_VALUE || !nothingPending())) {
            long roundStart = System.nanoTime();
            List<Queue<Probe>> due = pending.values().stream().filter(q -> !q.isEmpty()).toList();
            while (!due.isEmpty()) {
                List<CompletableFuture<Long>> seenAt = due.stream().map(q -> seenAt(q.peek())).toList();
                List<Queue<Probe>> next = new ArrayList<>();
                for (int i = 0; i < due.size(); i++) {
                    long seen = seenAt.get(i).join();
                    if (seen > 0) {
                        micros.recordValue((seen - due.get(i).poll().sentAt()) / 1000);
                        if (!due.get(i).isEmpty()) {
                            next.add(due.get(i));
                        }
                    }
                }
                polls += due.size();
                due = next;
            }
            rounds++;
            roundNanos += System.nanoTime() - roundStart;
            LockSupport.parkNanos(roundStart + POLL_EVERY.toNanos() - System.nanoTime());
        }
    }

    /** When the probe's session was seen, or 0 if it was not. */
    private CompletableFuture<Long> seenAt(Probe probe) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sessionsUrl.formatted(probe.member())))
                .header("Authorization", "Bearer " + bench.token).timeout(Duration.ofSeconds(10)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(answer -> {
            long now = System.nanoTime();
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET " + request.uri() + " answered " + answer.statusCode());
            }
            Matcher total = TOTAL.matcher(answer.body());
            return total.find() && Long.parseLong(total.group(1)) > 0 ? now : 0L;
        });
    }
}
