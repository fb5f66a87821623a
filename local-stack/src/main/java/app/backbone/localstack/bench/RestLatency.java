package app.backbone.localstack.bench;

import static app.backbone.localstack.bench.BenchContext.CATALOG;
import static app.backbone.localstack.bench.BenchContext.JSON;
import static app.backbone.localstack.bench.BenchContext.LOGGING;
import static app.backbone.localstack.bench.BenchContext.PROGRAM;
import static app.backbone.localstack.bench.BenchContext.STALL_TIMEOUT;
import static app.backbone.localstack.bench.BenchContext.TENANT;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import app.backbone.localstack.bench.Figure.Target;
import app.backbone.localstack.bench.Figure.Unit;

/**
 * (c) REST latency under closed-loop load ({@link ClosedLoopLoad}) of catalog search, program preview and a member's
 * two-year volume (the member is seeded first with two years of three sessions a week).
 */
final class RestLatency {

    private static final String VOLUME_MEMBER = "volume-member";
    private static final String PREVIEW = "{\"memberId\":\"bench-member\",\"goal\":\"HYPERTROPHY\","
            + "\"includeSuperset\":true,\"includeArms\":true}";

    private record Endpoint(String name, String url, String body, Target p95, Target p99) {
    }

    private final BenchContext bench;

    RestLatency(BenchContext bench) {
        this.bench = bench;
    }

    void measure() throws Exception {
        BenchOptions options = bench.options;
        bench.out.printf("%n(c) REST: %d closed-loop clients per endpoint, %d s warm-up + %d s measured%n",
                options.clients(), options.restWarmUp().toSeconds(), options.restMeasured().toSeconds());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        seedVolumeMember(today);
        List<Endpoint> endpoints = List.of(
                new Endpoint("catalog search", bench.url(CATALOG, "/exercises?muscle=LATS"), null, null, null),
                new Endpoint("program preview", bench.url(PROGRAM, "/programs/preview"), PREVIEW, null,
                        Target.below(25)),
                new Endpoint("two-year volume", bench.url(LOGGING, "/members/" + VOLUME_MEMBER + "/volume?from="
                        + today.minusYears(2) + "&to=" + today), null, Target.below(50), null));
        for (Endpoint endpoint : endpoints) {
            bench.call(endpoint.url(), endpoint.body());
            bench.out.printf("  %s: %s%s ...%n", endpoint.name(), endpoint.body() == null ? "GET " : "POST ",
                    URI.create(endpoint.url()).getRawPath());
            ClosedLoopLoad.Result result = ClosedLoopLoad.run(URI.create(endpoint.url()), bench.token,
                    endpoint.body(), options.clients(), options.restWarmUp(), options.restMeasured());
            bench.out.println("  " + result.summary());
            bench.details.add(String.format(Locale.ROOT, "(c) %s `%s%s`: %,.0f requests/s, %d failures, max %s; the "
                    + "load generator used %.0f%% of one core.", endpoint.name(), endpoint.body() == null ? "GET "
                    : "POST ", result.target(), result.requestsPerSecond(), result.failures(),
                    Unit.MILLISECONDS.format(result.millis(100)), 100 * result.cpuShare()));
            String name = String.format(Locale.ROOT, "%s, %d clients, ", endpoint.name(), options.clients());
            bench.figures.add(Figure.of("c", name + "p50", Unit.MILLISECONDS, result.millis(50), null));
            bench.figures.add(Figure.of("c", name + "p95", Unit.MILLISECONDS, result.millis(95), endpoint.p95()));
            bench.figures.add(Figure.of("c", name + "p99", Unit.MILLISECONDS, result.millis(99), endpoint.p99()));
        }
    }

    /** Two years of three sessions a week (Monday, Wednesday, Friday) for the volume member. */
    private void seedVolumeMember(LocalDate today) throws Exception {
        LocalDate monday = today.minusYears(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Instant> sessions = new ArrayList<>();
        for (LocalDate week = monday; !week.isAfter(today); week = week.plusWeeks(1)) {
            for (int day : new int[] {0, 2, 4}) {
                LocalDate date = week.plusDays(day);
                if (!date.isAfter(today)) {
                    sessions.add(date.atTime(18, 0).toInstant(ZoneOffset.UTC));
                }
            }
        }
        bench.out.printf("  seeding %s with %d sessions from %s to %s ...%n", VOLUME_MEMBER, sessions.size(), monday,
                today);
        SessionEvents generator = new SessionEvents(bench.exerciseIds(), 5);
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = SessionEvents.producer(bench.stack.kafkaBootstrapServers(),
                5)) {
            for (int i = 0; i < sessions.size(); i++) {
                sent.add(producer.send(new ProducerRecord<>(SessionEvents.TOPIC, VOLUME_MEMBER, generator.next(
                        TENANT, VOLUME_MEMBER, "volume-" + i, sessions.get(i)))));
            }
        }
        for (Future<RecordMetadata> send : sent) {
            send.get();
        }
        String url = bench.url(LOGGING, "/members/" + VOLUME_MEMBER + "/sessions?size=1");
        long deadline = System.nanoTime() + STALL_TIMEOUT.toNanos();
        while (true) {
            if (JSON.readTree(bench.call(url, null)).path("total").asLong() >= sessions.size()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("logging-service did not store the volume member's sessions");
            }
            Thread.sleep(200);
        }
    }
}
