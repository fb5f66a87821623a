package app.backbone.localstack.bench;

import java.io.IOException;
import java.io.PrintStream;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.kafka.common.utils.AppInfoParser;

import app.backbone.embedded.EmbeddedPostgres;
import app.backbone.embedded.FreePorts;
import app.backbone.localstack.LocalStack;
import app.backbone.localstack.StackSettings;
import app.backbone.localstack.bench.BenchOptions.Part;
import app.backbone.localstack.bench.Figure.Unit;

/**
 * {@code ./backbone bench}: starts a stack of its own on free ports, its PostgreSQL with fsync on
 * ({@code ./backbone up}'s runs with it off), measures (a) logging-service's ingest beside raw Kafka and JDBC
 * ceilings, also with synchronous_commit on, (b) publish-to-visible freshness, (c) REST latency open loop at a fixed
 * rate and throughput under closed-loop load beside each service's no-op endpoint, (d) each service's start time and
 * resident memory, (e) report-to-updated-load freshness of the next session, (f) the time a five-year history file
 * takes to import and (g) insight-to-delivered-webhook latency, with the CPU time per request or event of each
 * process, printing each figure as it is measured, then prints the table and writes it to {@code BENCHMARKS.md}.
 * Each part is a class of its own ({@link Ingest}, {@link Freshness}, {@link RestLatency}, {@link StartAndMemory},
 * {@link NextSessionFreshness}, {@link HistoryImportTime}, {@link WebhookLatency}); this one runs them on the stack
 * it starts and stops.
 */
public final class BenchSuite {

    /**
     * The benchmark's PostgreSQL settings beside the local stack's: fsync on, so that a commit's WAL does reach the
     * disk when it is flushed; synchronous_commit stays off (commits do not wait for that flush) but for the ingest
     * repeated with it on.
     */
    private static final Map<String, String> POSTGRES_SETTINGS = Map.of("fsync", "on");
    private static final Map<String, String> SQL_PROFILE_SETTINGS = Map.of("fsync", "on",
            "shared_preload_libraries", "pg_stat_statements");

    private BenchSuite() {
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
            LocalStack stack = new LocalStack(settings, out, options.sqlProfile() ? SQL_PROFILE_SETTINGS
                    : POSTGRES_SETTINGS);
            Thread hook = new Thread(stack::close, "bench-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            BenchContext bench;
            boolean stoppedHere;
            try {
                stack.start();
                bench = measure(options, stack, out);
                out.println("\nStopping the stack ...");
            } finally {
                stoppedHere = stopUnlessShuttingDown(stack, hook);
            }
            if (!stoppedHere) {
                out.println("\nInterrupted: the stack is stopping; " + options.output() + " is left as it was.");
                return;
            }
            if (!load.isEmpty()) {
                bench.details.add(0, "1-minute load average when the run started: " + load
                        + " (other work on the machine makes figures noisy).");
            }
            Report.RunInfo info = new Report.RunInfo(date, commit(root), machine, jdk, command,
                    Duration.ofNanos(System.nanoTime() - started));
            out.println();
            out.print(Report.table(bench.figures));
            Files.writeString(options.output(), Report.markdown(info, bench.figures, bench.details));
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
        List<String> servers = List.of("POSTGRES", "KAFKA", "KAFKA_CONTROLLER", "CATALOG", "PROGRAM", "LOGGING",
                "WEBHOOK", "DASHBOARD");
        List<Integer> ports = FreePorts.find(servers.size());
        for (int i = 0; i < servers.size(); i++) {
            stackEnv.put("BACKBONE_" + servers.get(i) + "_PORT", String.valueOf(ports.get(i)));
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

    private static BenchContext measure(BenchOptions options, LocalStack stack, PrintStream out) throws Exception {
        BenchContext bench = BenchContext.open(options, stack, out);
        bench.details.add(infrastructure(stack));
        StartAndMemory startAndMemory = new StartAndMemory(bench);
        startAndMemory.readIdleMemory();
        boolean load = options.parts().stream().anyMatch(p -> p != Part.START);
        try (MemorySampler sampler = startAndMemory.sampleMemory()) {
            Ingest ingest = new Ingest(bench);
            part(bench, Part.INGEST, "a", ingest::measure);
            part(bench, Part.FRESHNESS, "b", new Freshness(bench)::measure);
            part(bench, Part.REST, "c", new RestLatency(bench)::measure);
            part(bench, Part.NEXT_SESSION, "e", new NextSessionFreshness(bench)::measure);
            part(bench, Part.IMPORT, "f", new HistoryImportTime(bench)::measure);
            part(bench, Part.WEBHOOKS, "g", new WebhookLatency(bench)::measure);
            part(bench, Part.INGEST, "a", ingest::measureWithSynchronousCommit);
            sampler.close();
            part(bench, Part.START, "d", startAndMemory::measureStartTimes);
            startAndMemory.addMemoryFigures(sampler, load);
        }
        return bench;
    }

    @FunctionalInterface
    private interface PartBody {
        void run() throws Exception;
    }

    private static void part(BenchContext bench, Part part, String section, PartBody body) {
        if (!bench.options.parts().contains(part)) {
            return;
        }
        try {
            body.run();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String name = part.name().toLowerCase(Locale.ROOT);
            bench.out.println("  " + name + " failed: " + e);
            bench.figures.add(Figure.of(section, name + " failed (see Details)", Unit.SECONDS, Double.NaN, null));
            bench.details.add("(" + section + ") " + name + " failed: " + e + "; the services' logs are in "
                    + ".backbone-bench/logs/.");
        }
    }

    private static String infrastructure(LocalStack stack) throws SQLException {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("postgres"), EmbeddedPostgres.USER, "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version'), current_setting('fsync'), "
                     + "current_setting('synchronous_commit'), current_setting('full_page_writes'), "
                     + "current_setting('wal_sync_method')")) {
            rs.next();
            return String.format(Locale.ROOT, "PostgreSQL %s with fsync %s, synchronous_commit %s (but in the ingest "
                    + "repeated with it on), full_page_writes %s, wal_sync_method %s; `./backbone up` runs it with "
                    + "fsync off and synchronous_commit off. Kafka %s in the benchmark's JVM. CPU time from /proc in "
                    + "clock ticks of %d per second.", rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), AppInfoParser.getVersion(), ProcessCpu.ticksPerSecond());
        }
    }
}
