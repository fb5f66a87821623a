package app.backbone.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop HTTP load: {@code clients} callers each send the next request (a GET, or a POST of a JSON body) as
 * soon as the previous answer arrives, for a warm-up and then a measured period; prints throughput and latency
 * percentiles.
 */
final class RestBenchmark {

    /** What one run measured. */
    record Result(String url, int clients, long requests, long errors, double seconds, long[] sortedMicros) {

        double percentileMillis(double p) {
            if (sortedMicros.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
            return sortedMicros[Math.max(0, Math.min(index, sortedMicros.length - 1))] / 1000.0;
        }

        String summary() {
            return String.format("%s%n  clients %d, %d requests in %.1f s (%.0f req/s), %d non-2xx/errors%n"
                    + "  latency ms: p50 %.2f  p90 %.2f  p95 %.2f  p99 %.2f  max %.2f", url, clients, requests,
                    seconds, requests / seconds, errors, percentileMillis(50), percentileMillis(90),
                    percentileMillis(95), percentileMillis(99), percentileMillis(100));
        }
    }

    private RestBenchmark() {
    }

    static Result run(String url, String token, String body, int clients, Duration warmUp, Duration measured)
            throws Exception {
        ExecutorService io = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(io).build();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10));
        HttpRequest request = body == null ? builder.GET().build()
                : builder.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        ExecutorService callers = Executors.newFixedThreadPool(clients);
        try {
            load(http, request, callers, clients, warmUp, null, new AtomicLong());
            List<long[]> perClient = new ArrayList<>();
            AtomicLong errors = new AtomicLong();
            long started = System.nanoTime();
            load(http, request, callers, clients, measured, perClient, errors);
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(url, clients, all.length, errors.get(), seconds, all);
        } finally {
            callers.shutdownNow();
            io.shutdownNow();
        }
    }

    private static void load(HttpClient http, HttpRequest request, ExecutorService callers, int clients,
            Duration period, List<long[]> latencies, AtomicLong errors) throws Exception {
        long deadline = System.nanoTime() + period.toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            futures.add(callers.submit(() -> {
                long[] samples = new long[1024];
                int count = 0;
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() / 100 != 2) {
                            errors.incrementAndGet();
                        }
                    } catch (java.io.IOException e) {
                        errors.incrementAndGet();
                    }
                    if (count == samples.length) {
                        samples = Arrays.copyOf(samples, count * 2);
                    }
                    samples[count++] = (System.nanoTime() - start) / 1000;
                }
                return Arrays.copyOf(samples, count);
            }));
        }
        for (Future<long[]> future : futures) {
            long[] samples = future.get();
            if (latencies != null) {
                latencies.add(samples);
            }
        }
    }
}
