package app.backbone.localstack.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publish-to-visible latency: publishes events at a steady rate and tracks one in {@value #TRACK_ONE_IN} (each for a
 * member of its own) until logging-service's {@code GET /members/{m}/sessions} shows it. To keep the polling light
 * whatever the latency, only the oldest tracked event of each partition is polled (logging-service stores a
 * partition in order; were it not to, later events would only be seen later, never earlier); when it shows, the next
 * one of its partition is polled at once.
 */
final class Freshness {

    static final int TRACK_ONE_IN = 20;
    static final Duration POLL_EVERY = Duration.ofMillis(25);
    static final Duration VISIBLE_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    /**
     * What one run measured.
     *
     * @param micros   latencies of the tracked events; those never seen count as {@link #VISIBLE_TIMEOUT}
     * @param missing  tracked events not seen within {@link #VISIBLE_TIMEOUT}
     */
    record Result(Percentiles micros, int missing, long sent, double sendSeconds, double meanRoundMillis,
            long polls) {

        double millis(double percentile) {
            return micros.at(percentile) / 1000.0;
        }
    }

    /** A tracked event: its member and when it was sent. */
    private record Probe(String member, long sentAt) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String sessionsUrl;
    private final String token;
    private final Map<Integer, Queue<Probe>> pending = new ConcurrentHashMap<>();
    private final List<Long> latencies = new ArrayList<>();
    private volatile long deadline = Long.MAX_VALUE;
    private long rounds;
    private long roundNanos;
    private long polls;

    /**
     * @param sessionsUrl logging-service's sessions URL with {@code %s} for the member
     * @param token       a token of the events' tenant
     */
    Freshness(String sessionsUrl, String token) {
        this.sessionsUrl = sessionsUrl;
        this.token = token;
    }

    /**
     * Publishes {@code rate} events a second for the warm-up and the measured period (tracking events of the
     * measured period only), then waits for the tracked ones.
     *
     * @param sent told the number of events sent so far, after each send
     */
    Result run(KafkaProducer<String, String> producer, SessionEvents events, String tenant, int members, int rate,
            Duration warmUp, Duration measured, LongConsumer sent) throws Exception {
        long total = rate * (warmUp.toSeconds() + measured.toSeconds());
        long trackFrom = rate * warmUp.toSeconds();
        AtomicReference<Exception> failure = new AtomicReference<>();
        CompletableFuture<Void> polling = CompletableFuture.runAsync(this::poll,
                task -> new Thread(task, "bench-freshness-poller").start());
        Random random = new Random(4);
        long started = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (long i = 0; i < total; i++) {
            long due = started + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            boolean tracked = i >= trackFrom && i % TRACK_ONE_IN == 0;
            String member = tracked ? "probe-" + i : "member-" + random.nextInt(members);
            long sentAt = System.nanoTime();
            producer.send(new ProducerRecord<>(SessionEvents.TOPIC, member, events.next(tenant, member, "fresh-" + i,
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
        producer.flush();
        double sendSeconds = (System.nanoTime() - started) / 1e9;
        deadline = System.nanoTime() + VISIBLE_TIMEOUT.toNanos();
        polling.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        int missing = pending.values().stream().mapToInt(Queue::size).sum();
        long[] micros = latencies.stream().mapToLong(Long::longValue).toArray();
        long[] all = Arrays.copyOf(micros, micros.length + missing);
        Arrays.fill(all, micros.length, all.length, VISIBLE_TIMEOUT.toNanos() / 1000);
        return new Result(Percentiles.of(all), missing, total, sendSeconds, rounds == 0 ? 0 : roundNanos / 1e6 / rounds,
                polls);
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
                        latencies.add((seen - due.get(i).poll().sentAt()) / 1000);
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
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build();
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
