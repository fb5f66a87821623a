package app.backbone.localstack.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.backbone.localstack.LocalStack;

/**
 * What the parts of one {@code ./backbone bench} run share: the options, the running stack, the benchmark tenant's
 * token, the global catalog exercises the events use, the processes' CPU time, the figures and details measured so
 * far, and progress lines.
 */
final class BenchContext {

    static final String TENANT = "bench-gym";
    static final String CATALOG = "catalog-service";
    static final String PROGRAM = "program-service";
    static final String LOGGING = "logging-service";
    static final String WEBHOOK = "webhook-service";
    static final Duration STALL_TIMEOUT = Duration.ofMinutes(2);
    static final String POSTGRES = "PostgreSQL";
    static final String BENCH_JVM = "benchmark JVM (Kafka, load)";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROLES = List.of("trainer", "integration");
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    final BenchOptions options;
    final LocalStack stack;
    final PrintStream out;
    final String token;
    final ProcessCpu cpu;
    final List<Figure> figures = new ArrayList<>();
    final List<String> details = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private List<String> exerciseIds;
    private long lastProgress;

    private BenchContext(BenchOptions options, LocalStack stack, PrintStream out, String token, ProcessCpu cpu) {
        this.options = options;
        this.stack = stack;
        this.out = out;
        this.token = token;
        this.cpu = cpu;
    }

    /** Mints the tenant's token and reads the exercises from the started stack. */
    static BenchContext open(BenchOptions options, LocalStack stack, PrintStream out) throws Exception {
        BenchContext bench = new BenchContext(options, stack, out, stack.token(TENANT, ROLES, Duration.ofHours(2)),
                processCpu(stack));
        bench.exerciseIds = bench.loadableExerciseIds();
        return bench;
    }

    /** Each service, PostgreSQL with its backends, and this JVM. */
    private static ProcessCpu processCpu(LocalStack stack) throws IOException {
        Map<String, ProcessCpu.Tracked> processes = new LinkedHashMap<>();
        stack.services().forEach(s -> processes.put(s.service().name(), new ProcessCpu.Tracked(
                () -> stack.service(s.service().name()).pid(), false)));
        long postmaster = stack.postgresPid();
        processes.put(POSTGRES, new ProcessCpu.Tracked(() -> postmaster, true));
        long self = ProcessHandle.current().pid();
        processes.put(BENCH_JVM, new ProcessCpu.Tracked(() -> self, false));
        return new ProcessCpu(processes, ProcessCpu.ticksPerSecond());
    }

    /** Loadable strength exercises counted in repetitions, of the global catalog. */
    List<String> exerciseIds() {
        return exerciseIds;
    }

    String url(String service, String pathAndQuery) {
        return "http://127.0.0.1:" + stack.service(service).service().port() + pathAndQuery;
    }

    /** GETs (or POSTs a JSON body to) a URL with the benchmark tenant's token; fails unless it answers 2xx. */
    String call(String url, String jsonBody) throws IOException, InterruptedException {
        return call(url, jsonBody, token);
    }

    /** As {@link #call(String, String)}, with another token. */
    String call(String url, String jsonBody, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer "
                + bearer).timeout(Duration.ofSeconds(30));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Starts the clock of {@link #progress}. */
    void startProgress() {
        lastProgress = System.nanoTime();
    }

    /** Prints a progress line with {@code done} and {@code total} at most every few seconds, and at the end. */
    void progress(String format, long done, long total) {
        long now = System.nanoTime();
        if (now - lastProgress >= PROGRESS_EVERY.toNanos() || done == total) {
            lastProgress = now;
            out.printf("  " + format + "%n", done, total);
        }
    }

    private List<String> loadableExerciseIds() throws Exception {
        JsonNode page = JSON.readTree(call(url(CATALOG, "/exercises?category=STRENGTH&size=200"), null));
        List<String> ids = new ArrayList<>();
        for (JsonNode exercise : page.path("items")) {
            if (exercise.path("loadable").asBoolean() && exercise.path("measure").asText().startsWith("REPS")) {
                ids.add(exercise.path("id").asText());
            }
        }
        out.printf("%nUsing %d loadable strength exercises of the global catalog in the events.%n", ids.size());
        return ids;
    }
}
