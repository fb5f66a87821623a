package app.backbone.localstack.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Closed-loop HTTP/1.1 load with Vert.x's {@link HttpClient} on one event-loop thread: a pool of {@code clients}
 * keep-alive connections without pipelining, and {@code clients} loops that each send the same request (a GET, or a
 * POST of a JSON body) as soon as the previous answer has arrived, so that each has a connection of its own; first
 * for a warm-up, then for a measured period. Bodies are skipped without being kept and latencies go into an
 * HdrHistogram, so the generator costs little of the CPU it shares with the services; the event-loop thread's CPU
 * time is part of the result.
 */
public final class ClosedLoopLoad {

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    /**
     * What one run measured.
     *
     * @param micros      latencies of the requests sent in the measured period and answered with a 2xx
     * @param failures    answers other than 2xx, failed requests and requests left unanswered at the end
     * @param cpuSeconds  the event-loop thread's CPU time from the end of the warm-up to the end of the run
     */
    public record Result(String target, int clients, double seconds, Histogram micros, long failures,
            double cpuSeconds) {

        public double requestsPerSecond() {
            return micros.getTotalCount() / seconds;
        }

        public double millis(double percentile) {
            return Latencies.millis(micros, percentile);
        }

        /** The load generator's CPU use as a share of one core. */
        public double cpuShare() {
            return cpuSeconds / seconds;
        }

        public String summary() {
            return String.format("%s: %d clients, %,d answers in %.1f s (%,.0f/s), %d failures; "
                    + "ms p50 %.2f p95 %.2f p99 %.2f max %.2f; load generator CPU %.0f%% of a core", target, clients,
                    micros.getTotalCount(), seconds, requestsPerSecond(), failures, millis(50), millis(95),
                    millis(99), millis(100), 100 * cpuShare());
        }
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final HttpClient http;
    private final RequestOptions request;
    private final Buffer body;
    private final Histogram micros = Latencies.micros();
    private final CountDownLatch stopped;
    private long measureFrom;
    private long measureUntil;
    private long cpuAtStart = -1;
    private long failures;
    private int busy;

    private ClosedLoopLoad(HttpClient http, RequestOptions request, Buffer body, int clients) {
        this.http = http;
        this.request = request;
        this.body = body;
        this.busy = clients;
        this.stopped = new CountDownLatch(clients);
    }

    /**
     * Runs the load against {@code uri} (http only) with {@code Authorization: Bearer token}.
     *
     * @param jsonBody a body to POST, or {@code null} to GET
     */
    public static Result run(URI uri, String token, String jsonBody, int clients, Duration warmUp,
            Duration measured) throws InterruptedException, ExecutionException {
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("Only http:// URLs: " + uri);
        }
        RequestOptions request = new RequestOptions().setMethod(jsonBody == null ? HttpMethod.GET : HttpMethod.POST)
                .setAbsoluteURI(uri.toString()).putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        if (jsonBody != null) {
            request.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        try {
            HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setPipelining(false)
                    .setTcpNoDelay(true), new PoolOptions().setHttp1MaxSize(clients));
            ClosedLoopLoad load = new ClosedLoopLoad(http, request, jsonBody == null ? null : Buffer.buffer(jsonBody),
                    clients);
            Context eventLoop = vertx.getOrCreateContext();
            eventLoop.runOnContext(v -> load.start(vertx, clients, warmUp, measured));
            load.stopped.await(warmUp.plus(measured).plus(DRAIN_TIMEOUT).toMillis(), TimeUnit.MILLISECONDS);
            Promise<Result> result = Promise.promise();
            eventLoop.runOnContext(v -> result.complete(load.result(uri, clients, measured)));
            return result.future().toCompletionStage().toCompletableFuture().get();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }

    private void start(Vertx vertx, int clients, Duration warmUp, Duration measured) {
        long started = System.nanoTime();
        measureFrom = started + warmUp.toNanos();
        measureUntil = measureFrom + measured.toNanos();
        vertx.setTimer(Math.max(1, warmUp.toMillis()), id -> cpuAtStart = threads.getCurrentThreadCpuTime());
        for (int i = 0; i < clients; i++) {
            send();
        }
    }

    private void send() {
        long sentAt = System.nanoTime();
        http.request(request)
                .compose(sending -> body == null ? sending.send() : sending.send(body))
                .compose(response -> response.end().map(response.statusCode()))
                .onComplete(status -> answered(sentAt, status.succeeded() && status.result() / 100 == 2));
    }

    private void answered(long sentAt, boolean ok) {
        long now = System.nanoTime();
        if (sentAt >= measureFrom && sentAt < measureUntil) {
            if (ok) {
                micros.recordValue((now - sentAt) / 1000);
            } else {
                failures++;
            }
        }
        if (now < measureUntil) {
            send();
        } else {
            busy--;
            stopped.countDown();
        }
    }

    private Result result(URI uri, int clients, Duration measured) {
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - Math.max(0, cpuAtStart)) / 1e9;
        return new Result(uri.getPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), clients,
                measured.toNanos() / 1e9, micros.copy(), failures + busy, cpuSeconds);
    }
}
