package app.backbone.localstack.bench;

import static app.backbone.localstack.bench.BenchContext.JSON;
import static app.backbone.localstack.bench.BenchContext.PROGRAM;
import static app.backbone.localstack.bench.BenchContext.TENANT;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.databind.JsonNode;

import app.backbone.localstack.bench.Figure.Target;
import app.backbone.localstack.bench.Figure.Unit;

/**
 * (e) Report-to-updated-load freshness of {@code GET /programs/{id}/next-session}: while sessions arrive at the
 * freshness rate straight on Kafka, probe members each report a session of their program to program-service and
 * poll their next session until its loads come from progress computed after that report (logging-service stored
 * the session, published the member's progress through its outbox, and program-service learned it). A probe polls
 * every {@link #POLL_EVERY} at first and, once that is less than a {@value #BACKOFF_DIVISOR}th of the time since its
 * report, every such fraction, so that long waits do not turn the probes into a load of their own.
 */
final class NextSessionFreshness {

    private static final int PROBE_MEMBERS = 8;
    private static final Duration POLL_EVERY = Duration.ofMillis(25);
    /** The wait between two polls is at least the time since the report divided by this. */
    private static final int BACKOFF_DIVISOR = 10;
    private static final Duration UPDATED_TIMEOUT = Duration.ofSeconds(30);

    private final BenchContext bench;
    private final Histogram micros = Latencies.micros();
    private final AtomicLong missing = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();

    NextSessionFreshness(BenchContext bench) {
        this.bench = bench;
    }

    void measure() throws Exception {
        BenchOptions options = bench.options;
        int rate = options.rate();
        Duration measured = options.freshness();
        bench.out.printf("%n(e) Next-session freshness: %d events/s on Kafka for %d s while %d members report sessions"
                + " to their programs, each polled (every %d ms, then every %dth of the wait) until its next"
                + " session's loads follow the report ...%n",
                rate, measured.toSeconds(), PROBE_MEMBERS, POLL_EVERY.toMillis(), BACKOFF_DIVISOR);
        List<String> programs = new ArrayList<>();
        for (int i = 0; i < PROBE_MEMBERS; i++) {
            programs.add(JSON.readTree(bench.call(bench.url(PROGRAM, "/programs"), JSON.writeValueAsString(
                    Map.of("memberId", "next-probe-" + i, "goal", "HYPERTROPHY")))).get("id").asText());
        }
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService probes = Executors.newFixedThreadPool(PROBE_MEMBERS);
        long sent;
        ProcessCpu.Window cpu = bench.cpu.window();
        try (KafkaProducer<String, String> producer = SessionEvents.producer(bench.stack.kafkaBootstrapServers(),
                0)) {
            List<Future<?>> runningProbes = new ArrayList<>();
            for (String program : programs) {
                runningProbes.add(probes.submit(() -> probe(program, running)));
            }
            cpu.began();
            sent = publish(producer, new SessionEvents(bench.exerciseIds(), 3), options.members(), rate, measured);
            cpu.ended();
            running.set(false);
            for (Future<?> probe : runningProbes) {
                probe.get();
            }
        } finally {
            probes.shutdownNow();
        }
        bench.out.printf("  %d reports: p50 %s, p99 %s, max %s%s%n", micros.getTotalCount(),
                Unit.MILLISECONDS.format(Latencies.millis(micros, 50)),
                Unit.MILLISECONDS.format(Latencies.millis(micros, 99)),
                Unit.MILLISECONDS.format(Latencies.millis(micros, 100)),
                missing.get() == 0 ? "" : "; " + missing.get() + " not followed within "
                        + UPDATED_TIMEOUT.toSeconds() + " s (counted as that)");
        bench.details.add(String.format(Locale.ROOT, "(e) %,d background events sent at %d events/s for %d s; %d"
                + " probe members reported %d sessions, each polled every %d ms for %d ms, then every %dth of the"
                + " time since the report, until next-session's progress was computed after the report (%,d polls);"
                + " max %s; CPU per background event (the probes included): %s.", sent, rate, measured.toSeconds(),
                PROBE_MEMBERS, micros.getTotalCount(), POLL_EVERY.toMillis(),
                POLL_EVERY.toMillis() * BACKOFF_DIVISOR, BACKOFF_DIVISOR, polls.get(),
                Unit.MILLISECONDS.format(Latencies.millis(micros, 100)), cpu.perUnit(sent)));
        String name = String.format(Locale.ROOT, "report to updated next-session load at %d events/s, ", rate);
        bench.figures.add(Figure.of("e", name + "p50", Unit.MILLISECONDS, Latencies.millis(micros, 50), null));
        bench.figures.add(Figure.of("e", name + "p99", Unit.MILLISECONDS, Latencies.millis(micros, 99),
                Target.below(250)));
    }

    private long publish(KafkaProducer<String, String> producer, SessionEvents events, int members, int rate,
            Duration measured) {
        Random random = new Random(5);
        long total = rate * measured.toSeconds();
        long interval = 1_000_000_000L / rate;
        long started = System.nanoTime();
        bench.startProgress();
        for (long i = 0; i < total; i++) {
            long due = started + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            String member = "member-" + random.nextInt(members);
            producer.send(new ProducerRecord<>(SessionEvents.TOPIC, member, events.next(TENANT, member,
                    "next-bg-" + i, Instant.now())));
            bench.progress("sent %,d of %,d", i + 1, total);
        }
        producer.flush();
        return total;
    }

    /** Reports a session of the program and waits for the next session to follow it, until told to stop. */
    private void probe(String program, AtomicBoolean running) {
        int n = 0;
        try {
            while (running.get()) {
                String report = JSON.writeValueAsString(Map.of(
                        "sessionId", "next-" + program + "-" + n++,
                        "completedAt", Instant.now().minus(1, ChronoUnit.MINUTES).toString(),
                        "exercises", List.of(Map.of("exerciseId", "romanian-deadlift", "sets", List.of(
                                Map.of("reps", 10, "loadKg", 60 + n, "rir", 2))))));
                long reported = System.nanoTime();
                bench.call(bench.url(PROGRAM, "/programs/" + program + "/sessions"), report);
                long deadline = reported + UPDATED_TIMEOUT.toNanos();
                while (!followsTheReport(program)) {
                    if (System.nanoTime() > deadline) {
                        missing.incrementAndGet();
                        break;
                    }
                    LockSupport.parkNanos(Math.max(POLL_EVERY.toNanos(),
                            (System.nanoTime() - reported) / BACKOFF_DIVISOR));
                }
                synchronized (micros) {
                    micros.recordValue(Math.min(System.nanoTime(), deadline) / 1000 - reported / 1000);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Probing the next session of " + program + " failed", e);
        }
    }

    private boolean followsTheReport(String program) throws Exception {
        polls.incrementAndGet();
        JsonNode progress = JSON.readTree(bench.call(bench.url(PROGRAM, "/programs/" + program + "/next-session"),
                null)).get("progress");
        return !progress.get("computedAt").isNull() && !progress.get("stale").asBoolean();
    }
}
