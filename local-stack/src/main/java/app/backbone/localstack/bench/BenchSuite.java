package app.backbone.localstack.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.AppInfoParser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.backbone.embedded.EmbeddedPostgres;
import app.backbone.embedded.FreePorts;
import app.backbone.localstack.LocalStack;
import app.backbone.localstack.ServiceProcess;
import app.backbone.localstack.StackSettings;
import app.backbone.localstack.bench.BenchOptions.Part;
import app.backbone.localstack.bench.Figure.Ceiling;
import app.backbone.localstack.bench.Figure.Target;
import app.backbone.localstack.bench.Figure.Unit;

/**
 * {@code ./backbone bench}: starts a stack of its own on free ports, measures (a) logging-service's ingest beside
 * raw Kafka and JDBC ceilings, (b) publish-to-visible freshness, (c) REST latency under closed-loop load and (d)
 * each service's start time and resident memory, printing each figure as it is measured, then prints the table
 * and writes it to {@code BENCHMARKS.md}.
 */
public final class BenchSuite {

    private static final String TENANT = "bench-gym";
    private static final List<String> ROLES = List.of("trainer", "integration");
    private static final String CATALOG = "catalog-service";
    private static final String PROGRAM = "program-service";
    private static final String LOGGING = "logging-service";
    private static final String VOLUME_MEMBER = "volume-member";
    private static final String PREVIEW = "{\"memberId\":\"bench-member\",\"goal\":\"HYPERTROPHY\","
            + "\"includeSuperset\":true,\"includeArms\":true}";
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Duration COUNT_EVERY = Duration.ofMillis(250);
    private static final Duration STALL_TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchOptions options;
    private final LocalStack stack;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> details = new ArrayList<>();
    private String token;
    private List<String> exerciseIds;
    private long lastProgress;

    private BenchSuite(BenchOptions options, LocalStack stack, PrintStream out) {
        this.options = options;
        this.stack = stack;
        this.out = out;
    }

    /**
     * Runs the suite.
     *
     * @param root the repository checkout, where the packaged services are and the report is written
     * @param env  the environment; only {@code BACKBONE_SERVICE_JAVA_OPTS} is taken from it
     */
    public static void run(Path root, Map<String, String> env, List<String> args, PrintStream out) throws Exception {
        BenchOptions options = BenchOptions.parse(args, root);
        Path home = root.toAbsolutePath().resolve(".backbone-bench");
        Files.createDirectories(home);
        try (FileChannel lockFile = FileChannel.open(home.resolve("bench.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("Another ./backbone bench is running with data in " + home);
            }
            StackSettings settings = StackSettings.fromEnvironment(root, stackEnvironment(home, env));
            wipeAllBut(home, Set.of(home.resolve("bench.lock"), settings.startupCacheDir()));
            String machine = Machine.describe();
            String load = Machine.loadAverage();
            String command = String.join(" ", Stream.concat(Stream.of("./backbone", "bench"), args.stream())
                    .toList());
            String jdk = settings.serviceJdk() + ", options " + String.join(" ", settings.serviceJavaOptions());
            out.println("Benchmark on " + machine + (load.isEmpty() ? "" : ", load average " + load)
                    + "\nServices: " + jdk + "\nData and logs: " + home + "\n");
            Instant date = Instant.now();
            long started = System.nanoTime();
            LocalStack stack = new LocalStack(settings, out);
            Thread hook = new Thread(stack::close, "bench-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            BenchSuite suite = new BenchSuite(options, stack, out);
            boolean stoppedHere;
            try {
                stack.start();
                suite.runParts();
                out.println("\nStopping the stack ...");
            } finally {
                stoppedHere = stopUnlessShuttingDown(stack, hook);
            }
            if (!stoppedHere) {
                out.println("\nInterrupted: the stack is stopping; " + options.output() + " is left as it was.");
                return;
            }
            if (!load.isEmpty()) {
                suite.details.add(0, "1-minute load average when the run started: " + load
                        + " (other work on the machine makes figures noisy).");
            }
            Report.RunInfo info = new Report.RunInfo(date, commit(root), machine, jdk, command,
                    Duration.ofNanos(System.nanoTime() - started));
            out.println();
            out.print(Report.table(suite.figures));
            Files.writeString(options.output(), Report.markdown(info, suite.figures, suite.details));
            out.println("\nWritten to " + options.output() + " (" + Report.minutesAndSeconds(info.took()) + ").");
        }
    }

    /**
     * Stops the stack here, unless the JVM is shutting down (Ctrl-C), when the hook stops it.
     *
     * @return whether it stopped the stack here
     */
    private static boolean stopUnlessShuttingDown(LocalStack stack, Thread hook) {
        boolean here;
        try {
            here = Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            here = false;
        }
        if (here) {
            stack.close();
        }
        return here;
    }

    private static Map<String, String> stackEnvironment(Path home, Map<String, String> env) {
        Map<String, String> stackEnv = new HashMap<>();
        stackEnv.put("BACKBONE_HOME", home.toString());
        for (String port : List.of("POSTGRES", "KAFKA", "KAFKA_CONTROLLER", "CATALOG", "PROGRAM", "LOGGING")) {
            stackEnv.put("BACKBONE_" + port + "_PORT", String.valueOf(FreePorts.find()));
        }
        if (env.containsKey("BACKBONE_SERVICE_JAVA_OPTS")) {
            stackEnv.put("BACKBONE_SERVICE_JAVA_OPTS", env.get("BACKBONE_SERVICE_JAVA_OPTS"));
        }
        return stackEnv;
    }

    /** Empties {@code home} but for {@code keep} and what they hold (a startup cache is trained once per build). */
    private static void wipeAllBut(Path home, Set<Path> keep) throws IOException {
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(home) && keep.stream().noneMatch(path::startsWith)) {
                    Files.delete(path);
                }
            }
        }
    }

    private static String commit(Path root) {
        try {
            String head = git(root, "rev-parse", "--short=12", "HEAD").trim();
            boolean changed = !git(root, "status", "--porcelain", "--untracked-files=no", "--", ".",
                    ":!BENCHMARKS.md").isBlank();
            return head.isEmpty() ? "unknown" : head + (changed ? " with uncommitted changes" : "");
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String git(Path root, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return git.waitFor() == 0 ? output : "";
    }

    private void runParts() throws Exception {
        token = stack.token(TENANT, ROLES, Duration.ofHours(2));
        exerciseIds = loadableExerciseIds();
        details.add(infrastructure());
        List<String> services = stack.services().stream().map(s -> s.service().name()).toList();
        Duration settle = Duration.ofSeconds(5);
        out.printf("%nLetting the stack settle for %d s, then reading each service's idle memory ...%n",
                settle.toSeconds());
        Thread.sleep(settle.toMillis());
        Map<String, Long> idleKib = new HashMap<>();
        for (String service : services) {
            idleKib.put(service, stack.service(service).residentKib());
            out.printf("  %-16s %s resident%n", service, Unit.MEGABYTES.format(megabytes(idleKib.get(service))));
        }
        boolean load = options.parts().stream().anyMatch(p -> p != Part.START);
        try (MemorySampler sampler = new MemorySampler(stack, services, Duration.ofMillis(500))) {
            part(Part.INGEST, "a", this::ingest);
            part(Part.FRESHNESS, "b", this::freshness);
            part(Part.REST, "c", this::rest);
            sampler.close();
            part(Part.START, "d", this::startTimes);
            for (String service : services) {
                figures.add(Figure.of("d", service + " resident memory, idle", Unit.MEGABYTES,
                        megabytes(idleKib.get(service)), Target.below(300)));
                if (load) {
                    figures.add(Figure.of("d", service + " resident memory, max under (a)-(c)", Unit.MEGABYTES,
                            megabytes(sampler.maxKib(service)), Target.below(300)));
                }
            }
        }
    }

    @FunctionalInterface
    private interface PartBody {
        void run() throws Exception;
    }

    private void part(Part part, String section, PartBody body) {
        if (!options.parts().contains(part)) {
            return;
        }
        try {
            body.run();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String name = part.name().toLowerCase(Locale.ROOT);
            out.println("  " + name + " failed: " + e);
            figures.add(Figure.of(section, name + " failed (see Details)", Unit.SECONDS, Double.NaN, null));
            details.add("(" + section + ") " + name + " failed: " + e + "; the services' logs are in "
                    + ".backbone-bench/logs/.");
        }
    }

    private void ingest() throws Exception {
        int events = options.events();
        String bootstrap = stack.kafkaBootstrapServers();
        out.printf("%n(a) Ingest: stopping logging-service and publishing %,d events of %,d members ...%n", events,
                options.members());
        stack.stopService(LOGGING);
        Map<TopicPartition, Long> from = RawCeilings.endOffsets(bootstrap, SessionEvents.TOPIC);
        SessionEvents generator = new SessionEvents(exerciseIds, 1);
        Random random = new Random(2);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AtomicReference<Exception> failure = new AtomicReference<>();
        Callback failed = (metadata, error) -> {
            if (error != null) {
                failure.set(error);
            }
        };
        long publishStarted = System.nanoTime();
        lastProgress = publishStarted;
        try (KafkaProducer<String, String> producer = SessionEvents.producer(bootstrap, 5)) {
            for (int i = 0; i < events; i++) {
                String member = "member-" + (i % options.members());
                producer.send(new ProducerRecord<>(SessionEvents.TOPIC, member, generator.next(TENANT, member,
                        "ingest-" + i, now.minusSeconds(random.nextInt(28 * 86_400)))), failed);
                progress("published %,d of %,d", i + 1, events);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        double publishSeconds = (System.nanoTime() - publishStarted) / 1e9;
        Map<TopicPartition, Long> to = RawCeilings.endOffsets(bootstrap, SessionEvents.TOPIC);
        out.printf("  published in %.1f s (%,.0f events/s); starting logging-service ...%n", publishSeconds,
                events / publishSeconds);

        Backlog backlog = storeBacklog(events);
        details.add(String.format(Locale.ROOT, "(a) %,d events published in %.1f s (%,.0f events/s) while "
                + "logging-service was stopped; it was ready %.1f s after launch, stored its first sessions "
                + "within %.1f s and the %,d sessions after the first seen (count read every %d ms) in %.1f s.",
                events, publishSeconds, events / publishSeconds, backlog.readySeconds, backlog.firstSeconds,
                events - backlog.firstCount, COUNT_EVERY.toMillis(), backlog.storeSeconds));
        out.printf("  logging-service stored the backlog at %s%n", Unit.EVENTS_PER_SECOND.format(backlog.rate()));

        out.println("  raw ceiling: reading the same records with a plain KafkaConsumer + Jackson, twice (the first "
                + "warms up) ...");
        RawCeilings.consume(bootstrap, from, to);
        RawCeilings.Consumed consumed = RawCeilings.consume(bootstrap, from, to);
        out.printf("  %s (%,d records in %.1f s)%n", Unit.EVENTS_PER_SECOND.format(consumed.perSecond()),
                consumed.events().size(), consumed.seconds());
        List<RawCeilings.Row> rows = RawCeilings.rows(consumed.events());
        out.println("  raw ceiling: batched JDBC inserts of the same sessions (after a few thousand to warm up) ...");
        RawCeilings.insert(stack, rows.subList(0, Math.min(rows.size(), 5_000)), 1);
        List<Ceiling> ceilings = new ArrayList<>(List.of(new Ceiling("Kafka consume + Jackson",
                consumed.perSecond())));
        for (int writers = 1; writers <= 2; writers++) {
            double perSecond = RawCeilings.insert(stack, rows, writers);
            out.printf("  %d writer%s: %s%n", writers, writers == 1 ? "" : "s",
                    Unit.EVENTS_PER_SECOND.format(perSecond));
            ceilings.add(new Ceiling("JDBC insert, " + writers + " writer" + (writers == 1 ? "" : "s"), perSecond));
        }
        figures.add(new Figure("a", String.format(Locale.ROOT, "logging-service ingest, backlog of %,d", events),
                Unit.EVENTS_PER_SECOND, backlog.rate(), Target.atLeast(5_000), ceilings));
    }

    /** How logging-service worked off the backlog. */
    private record Backlog(double readySeconds, double firstSeconds, long firstCount, double storeSeconds,
            int events) {

        double rate() {
            return (events - firstCount) / storeSeconds;
        }
    }

    private Backlog storeBacklog(int events) throws Exception {
        try (LoggingDatabase db = new LoggingDatabase(stack.jdbcUrl("logging"))) {
            long base = db.storedSessions(TENANT);
            long launched = System.nanoTime();
            lastProgress = launched;
            CompletableFuture<Duration> ready = CompletableFuture.supplyAsync(() -> {
                try {
                    return stack.restartService(LOGGING);
                } catch (Exception e) {
                    throw new IllegalStateException("logging-service did not start again: " + e.getMessage(), e);
                }
            });
            long firstAt = -1;
            long firstCount = 0;
            long lastChange = launched;
            long stored = 0;
            while (stored < events) {
                Thread.sleep(COUNT_EVERY.toMillis());
                long now = System.nanoTime();
                long count = db.storedSessions(TENANT) - base;
                if (count > stored) {
                    lastChange = now;
                } else if (now - lastChange > STALL_TIMEOUT.toNanos()) {
                    throw new IllegalStateException("logging-service stored " + stored + " of " + events
                            + " sessions and none more for " + STALL_TIMEOUT.toSeconds() + " s");
                }
                if (ready.isCompletedExceptionally()) {
                    ready.join();
                }
                stored = count;
                if (firstAt < 0 && stored > 0) {
                    firstAt = now;
                    firstCount = stored;
                }
                progress("stored %,d of %,d", stored, events);
            }
            long lastAt = System.nanoTime();
            double readySeconds = ready.join().toNanos() / 1e9;
            if (firstCount >= events) {
                throw new IllegalStateException("The whole backlog was stored between two counts; publish more "
                        + "events (--events) to time it");
            }
            return new Backlog(readySeconds, (firstAt - launched) / 1e9, firstCount, (lastAt - firstAt) / 1e9,
                    events);
        }
    }

    private void freshness() throws Exception {
        int rate = options.rate();
        Duration warmUp = options.freshness().dividedBy(10);
        out.printf("%n(b) Freshness: %d events/s for %d s after %d s of warm-up; one in %d tracked until "
                + "GET /members/{m}/sessions shows it, polled every %d ms ...%n", rate,
                options.freshness().toSeconds(), warmUp.toSeconds(), Freshness.TRACK_ONE_IN,
                Freshness.POLL_EVERY.toMillis());
        Freshness.Result result;
        try (KafkaProducer<String, String> producer = SessionEvents.producer(stack.kafkaBootstrapServers(), 0)) {
            long total = rate * (warmUp.toSeconds() + options.freshness().toSeconds());
            lastProgress = System.nanoTime();
            result = new Freshness(url(LOGGING, "/members/%s/sessions?size=1"), token).run(producer,
                    new SessionEvents(exerciseIds, 3), TENANT, options.members(), rate, warmUp, options.freshness(),
                    sent -> progress("sent %,d of %,d", sent, total));
        }
        String missing = result.missing() == 0 ? "" : result.missing() + " not visible within "
                + Freshness.VISIBLE_TIMEOUT.toSeconds() + " s (counted as that)";
        out.printf("  %d tracked events: p50 %s, p99 %s, max %s%s%n", result.micros().count(),
                Unit.MILLISECONDS.format(result.millis(50)), Unit.MILLISECONDS.format(result.millis(99)),
                Unit.MILLISECONDS.format(result.millis(100)), missing.isEmpty() ? "" : "; " + missing);
        details.add(String.format(Locale.ROOT, "(b) %,d events sent in %.1f s (%.0f events/s); %d of them tracked "
                + "(one in %d after the warm-up)%s; polled every %d ms, a polling round took %.1f ms on average, "
                + "%,d polls in all; max %s.", result.sent(), result.sendSeconds(),
                result.sent() / result.sendSeconds(), result.micros().count(), Freshness.TRACK_ONE_IN,
                missing.isEmpty() ? "" : ", " + missing, Freshness.POLL_EVERY.toMillis(), result.meanRoundMillis(),
                result.polls(), Unit.MILLISECONDS.format(result.millis(100))));
        String name = String.format(Locale.ROOT, "publish to visible in API at %d events/s, ", rate);
        figures.add(Figure.of("b", name + "p50", Unit.MILLISECONDS, result.millis(50), null));
        figures.add(Figure.of("b", name + "p99", Unit.MILLISECONDS, result.millis(99), Target.below(1_000)));
    }

    private void rest() throws Exception {
        out.printf("%n(c) REST: %d closed-loop clients per endpoint, %d s warm-up + %d s measured%n",
                options.clients(), options.restWarmUp().toSeconds(), options.restMeasured().toSeconds());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        seedVolumeMember(today);
        record Endpoint(String name, String url, String body, Target p95, Target p99) {
        }
        List<Endpoint> endpoints = List.of(
                new Endpoint("catalog search", url(CATALOG, "/exercises?muscle=LATS"), null, null, null),
                new Endpoint("program preview", url(PROGRAM, "/programs/preview"), PREVIEW, null,
                        Target.below(25)),
                new Endpoint("two-year volume", url(LOGGING, "/members/" + VOLUME_MEMBER + "/volume?from="
                        + today.minusYears(2) + "&to=" + today), null, Target.below(50), null));
        for (Endpoint endpoint : endpoints) {
            call(endpoint.url(), endpoint.body());
            out.printf("  %s: %s%s ...%n", endpoint.name(), endpoint.body() == null ? "GET " : "POST ",
                    URI.create(endpoint.url()).getRawPath());
            ClosedLoopLoad.Result result = ClosedLoopLoad.run(URI.create(endpoint.url()), token, endpoint.body(),
                    options.clients(), options.restWarmUp(), options.restMeasured());
            out.println("  " + result.summary());
            details.add(String.format(Locale.ROOT, "(c) %s `%s%s`: %,.0f requests/s, %d failures, max %s; the load "
                    + "generator used %.0f%% of one core.", endpoint.name(), endpoint.body() == null ? "GET "
                    : "POST ", result.target(), result.requestsPerSecond(), result.failures(),
                    Unit.MILLISECONDS.format(result.millis(100)), 100 * result.cpuShare()));
            String name = String.format(Locale.ROOT, "%s, %d clients, ", endpoint.name(), options.clients());
            figures.add(Figure.of("c", name + "p50", Unit.MILLISECONDS, result.millis(50), null));
            figures.add(Figure.of("c", name + "p95", Unit.MILLISECONDS, result.millis(95), endpoint.p95()));
            figures.add(Figure.of("c", name + "p99", Unit.MILLISECONDS, result.millis(99), endpoint.p99()));
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
        out.printf("  seeding %s with %d sessions from %s to %s ...%n", VOLUME_MEMBER, sessions.size(), monday,
                today);
        SessionEvents generator = new SessionEvents(exerciseIds, 5);
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = SessionEvents.producer(stack.kafkaBootstrapServers(), 5)) {
            for (int i = 0; i < sessions.size(); i++) {
                sent.add(producer.send(new ProducerRecord<>(SessionEvents.TOPIC, VOLUME_MEMBER, generator.next(
                        TENANT, VOLUME_MEMBER, "volume-" + i, sessions.get(i)))));
            }
        }
        for (Future<RecordMetadata> send : sent) {
            send.get();
        }
        String url = url(LOGGING, "/members/" + VOLUME_MEMBER + "/sessions?size=1");
        long deadline = System.nanoTime() + STALL_TIMEOUT.toNanos();
        while (true) {
            if (JSON.readTree(call(url, null)).path("total").asLong() >= sessions.size()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("logging-service did not store the volume member's sessions");
            }
            Thread.sleep(200);
        }
    }

    private void startTimes() throws Exception {
        out.printf("%n(d) Start time: each service stopped and started alone, %d time%s, launch to ready ...%n",
                options.starts(), options.starts() == 1 ? "" : "s");
        for (ServiceProcess process : stack.services()) {
            String service = process.service().name();
            long[] millis = new long[options.starts()];
            for (int i = 0; i < millis.length; i++) {
                stack.stopService(service);
                millis[i] = stack.restartService(service).toMillis();
            }
            double median = Percentiles.of(millis).at(50) / 1000.0;
            out.printf("  %-16s %s (runs: %s)%n", service, Unit.SECONDS.format(median), runs(millis));
            details.add(String.format(Locale.ROOT, "(d) %s start runs: %s.", service, runs(millis)));
            figures.add(Figure.of("d", service + " start, launch to ready (median)", Unit.SECONDS, median,
                    Target.below(3)));
        }
    }

    private static String runs(long[] millis) {
        return String.join(", ", Arrays.stream(millis)
                .mapToObj(ms -> Unit.SECONDS.format(ms / 1000.0)).toList());
    }

    private String infrastructure() throws SQLException {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("postgres"), EmbeddedPostgres.USER, "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version'), current_setting('fsync'), "
                     + "current_setting('synchronous_commit')")) {
            rs.next();
            return String.format(Locale.ROOT, "PostgreSQL %s as the local stack runs it (fsync %s, synchronous_commit "
                    + "%s); Kafka %s in the benchmark's JVM.", rs.getString(1), rs.getString(2), rs.getString(3),
                    AppInfoParser.getVersion());
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

    private String url(String service, String pathAndQuery) {
        return "http://127.0.0.1:" + stack.service(service).service().port() + pathAndQuery;
    }

    /** GETs (or POSTs a JSON body to) a URL with the benchmark tenant's token; fails unless it answers 200. */
    private String call(String url, String jsonBody) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer "
                + token).timeout(Duration.ofSeconds(30));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static double megabytes(long kib) {
        return kib <= 0 ? Double.NaN : kib * 1024 / 1e6;
    }

    private void progress(String format, long done, long total) {
        long now = System.nanoTime();
        if (now - lastProgress >= PROGRESS_EVERY.toNanos() || done == total) {
            lastProgress = now;
            out.printf("  " + format + "%n", done, total);
        }
    }
}
