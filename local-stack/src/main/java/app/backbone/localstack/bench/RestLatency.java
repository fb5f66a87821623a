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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import app.backbone.localstack.bench.Figure.Ceiling;
import app.backbone.localstack.bench.Figure.Target;
import app.backbone.localstack.bench.Figure.Unit;

/**
 * (c) REST latency and throughput of catalog search, program preview, next session, a member's two-year volume and
 * records (the member is seeded first with two years of three sessions a week, and given a program): each endpoint
 * at saturation under closed-loop clients ({@link ClosedLoopLoad}) beside its service's no-op {@code GET /ping}
 * under the same clients, the framework's ceiling, then open loop at a fixed rate ({@link OpenLoopLoad}), so that
 * the steady rate meets the endpoint's code compiled (a few seconds at 200 requests/s leave the JIT compiling it
 * through the measured period); with the CPU time per request of each process.
 */
final class RestLatency {

    private static final String VOLUME_MEMBER = "volume-member";
    private static final String PREVIEW = "{\"memberId\":\"bench-member\",\"goal\":\"HYPERTROPHY\","
            + "\"includeSuperset\":true,\"includeArms\":true}";
    private static final SteadyRate OPEN_LOOP_RATE = new SteadyRate(200);
    private static final int OPEN_LOOP_MAX_CONNECTIONS = 50;
    private static final Target OPEN_LOOP_P99 = Target.below(10);
    private static final Target OF_NO_OP = Target.atLeastOfCeiling(0.5);

    private record Endpoint(String name, String service, String url, String body) {

        String method() {
            return body == null ? "GET" : "POST";
        }

        String path() {
            URI uri = URI.create(url);
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
    }

    private final BenchContext bench;

    RestLatency(BenchContext bench) {
        this.bench = bench;
    }

    void measure() throws Exception {
        BenchOptions options = bench.options;
        bench.out.printf("%n(c) REST: per endpoint %d closed-loop clients (%d s warm-up + %d s measured) beside its "
                + "service's no-op GET /ping, then %d requests/s open loop (%d s + %d s)%n", options.clients(),
                options.restWarmUp().toSeconds(), options.saturation().toSeconds(), OPEN_LOOP_RATE.perSecond(),
                options.restWarmUp().toSeconds(), options.restMeasured().toSeconds());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        seedVolumeMember(today);
        String program = JSON.readTree(bench.call(bench.url(PROGRAM, "/programs"), JSON.writeValueAsString(
                Map.of("memberId", VOLUME_MEMBER, "goal", "HYPERTROPHY")))).get("id").asText();
        String member = "/members/" + VOLUME_MEMBER;
        Map<String, List<Endpoint>> byService = new LinkedHashMap<>();
        byService.put(CATALOG, List.of(new Endpoint("catalog search", CATALOG, bench.url(CATALOG,
                "/exercises?muscle=LATS"), null)));
        byService.put(PROGRAM, List.of(
                new Endpoint("program preview", PROGRAM, bench.url(PROGRAM, "/programs/preview"), PREVIEW),
                new Endpoint("next session", PROGRAM, bench.url(PROGRAM, "/programs/" + program + "/next-session"),
                        null)));
        byService.put(LOGGING, List.of(
                new Endpoint("two-year volume", LOGGING, bench.url(LOGGING, member + "/volume?from="
                        + today.minusYears(2) + "&to=" + today), null),
                new Endpoint("records", LOGGING, bench.url(LOGGING, member + "/records"), null)));
        for (Map.Entry<String, List<Endpoint>> service : byService.entrySet()) {
            Endpoint noOp = new Endpoint(service.getKey() + " no-op", service.getKey(),
                    bench.url(service.getKey(), "/ping"), null);
            double noOpPerSecond = saturate(noOp).requestsPerSecond();
            for (Endpoint endpoint : service.getValue()) {
                bench.call(endpoint.url(), endpoint.body());
                ClosedLoopLoad.Result saturated = saturate(endpoint);
                openLoop(endpoint);
                bench.figures.add(new Figure("c", String.format(Locale.ROOT, "%s, %d clients, throughput",
                        endpoint.name(), options.clients()), Unit.REQUESTS_PER_SECOND, saturated.requestsPerSecond(),
                        OF_NO_OP, List.of(new Ceiling("no-op GET /ping, " + options.clients() + " clients",
                                noOpPerSecond))));
            }
        }
    }

    private void openLoop(Endpoint endpoint) throws Exception {
        bench.out.printf("  %s: %s %s at %d requests/s ...%n", endpoint.name(), endpoint.method(), endpoint.path(),
                OPEN_LOOP_RATE.perSecond());
        ProcessCpu.Window cpu = bench.cpu.window();
        OpenLoopLoad.Result result = OpenLoopLoad.run(URI.create(endpoint.url()), bench.token, endpoint.body(),
                OPEN_LOOP_RATE, bench.options.restWarmUp(), bench.options.restMeasured(), OPEN_LOOP_MAX_CONNECTIONS,
                cpu);
        bench.out.println("  " + result.summary());
        long requests = result.answered() + result.failures() + result.unanswered();
        bench.details.add(String.format(Locale.ROOT, "(c) %s `%s %s` at %d requests/s, open loop: %,d answers, %d "
                + "failures, %d unanswered %d s after the period (counted with their wait so far), p50 %s, p99 %s, "
                + "p99.9 %s, max %s, up to %d connections; CPU per request: %s; the load generator used %.0f%% of one "
                + "core.", endpoint.name(), endpoint.method(), endpoint.path(), result.perSecond(),
                result.answered(), result.failures(), result.unanswered(), OpenLoopLoad.DRAIN_SECONDS,
                Unit.MILLISECONDS.format(result.millis(50)), Unit.MILLISECONDS.format(result.millis(99)),
                Unit.MILLISECONDS.format(result.millis(99.9)), Unit.MILLISECONDS.format(result.millis(100)),
                result.connections(), cpu.perUnit(requests), 100 * result.cpuShare()));
        String name = String.format(Locale.ROOT, "%s at %d requests/s, ", endpoint.name(), result.perSecond());
        bench.figures.add(Figure.of("c", name + "p50", Unit.MILLISECONDS, result.millis(50), null));
        bench.figures.add(Figure.of("c", name + "p99", Unit.MILLISECONDS, result.millis(99), OPEN_LOOP_P99));
        bench.figures.add(Figure.of("c", name + "p99.9", Unit.MILLISECONDS, result.millis(99.9), null));
        bench.figures.add(Figure.of("c", name + endpoint.service() + " CPU per request", Unit.MICROSECONDS,
                cpu.microsPer(endpoint.service(), requests), null));
    }

    private ClosedLoopLoad.Result saturate(Endpoint endpoint) throws Exception {
        BenchOptions options = bench.options;
        bench.out.printf("  %s: %s %s, %d clients ...%n", endpoint.name(), endpoint.method(), endpoint.path(),
                options.clients());
        ProcessCpu.Window cpu = bench.cpu.window();
        ClosedLoopLoad.Result result = ClosedLoopLoad.run(URI.create(endpoint.url()), bench.token, endpoint.body(),
                options.clients(), options.restWarmUp(), options.saturation(), cpu);
        bench.out.println("  " + result.summary());
        bench.details.add(String.format(Locale.ROOT, "(c) %s `%s %s`, %d clients: %,.0f requests/s, %d failures, "
                + "p50 %s, p99 %s, max %s; CPU per request: %s; the load generator used %.0f%% of one core.",
                endpoint.name(), endpoint.method(), endpoint.path(), options.clients(), result.requestsPerSecond(),
                result.failures(), Unit.MILLISECONDS.format(result.millis(50)),
                Unit.MILLISECONDS.format(result.millis(99)), Unit.MILLISECONDS.format(result.millis(100)),
                cpu.perUnit(result.micros().getTotalCount() + result.failures()), 100 * result.cpuShare()));
        return result;
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
