package app.backbone.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import app.backbone.embedded.JwtKeys;
import app.backbone.embedded.TokenMinter;
import app.backbone.localstack.bench.BenchOptions;
import app.backbone.localstack.bench.BenchSuite;
import app.backbone.localstack.bench.ClosedLoopLoad;

/**
 * The {@code ./backbone} command: {@code up} runs the local stack, {@code token} mints a bearer token, {@code import}
 * imports a member's history into a running stack, {@code bench} runs the benchmark suite and {@code bench-rest}
 * loads one endpoint of a running stack.
 */
public final class Backbone {

    private static final String USAGE = """
            Usage: ./backbone [up] [--no-demo]           run the whole platform until Ctrl-C; on a first start
                                                         it loads demo members with months of history into
                                                         the demo tenant unless --no-demo
                   ./backbone token --tenant ID [--roles r1,r2] [--ttl 8h]
                                                         print a token signed with the local key pair
                   ./backbone import FILE --member ID --source strong|hevy|backbone [--time-zone Europe/Berlin]
                                     [--weight-unit kg|lb] [--dry-run] [--skip-unmapped]
                                                         import a member's history from a Strong or Hevy CSV
                                                         export into the running stack (demo tenant), with a
                                                         progress bar, then print its summary
            """ + BenchOptions.USAGE + """
                   ./backbone bench-rest PATH [--port 8081] [--clients 50] [--seconds 30] [--body JSON]
                                                         GET PATH (POST the JSON body if given) on a running
                                                         stack with the demo token; print throughput and
                                                         latency percentiles
            Roles: admin, trainer, integration. TTL: a number with s, m, h or d (default 8h).
            Data (PostgreSQL, Kafka, JWT keys, logs, demo token): $BACKBONE_HOME, default ./.backbone""";

    private Backbone() {
    }

    public static void main(String[] args) throws Exception {
        StackSettings settings = StackSettings.fromEnvironment(Path.of(""), System.getenv());
        String command = args.length == 0 ? "up" : args[0];
        List<String> options = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        try {
            switch (command) {
                case "up" -> up(settings, demoWanted(options));
                case "token" -> System.out.println(token(settings, options));
                case "import" -> System.exit(importHistory(settings, options));
                case "bench" -> BenchSuite.run(Path.of(""), System.getenv(), options, System.out);
                case "bench-rest" -> benchRest(settings, options);
                case "help", "--help", "-h" -> System.out.println(USAGE);
                default -> throw new IllegalArgumentException("Unknown command '" + command + "'.\n" + USAGE);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    static boolean demoWanted(List<String> options) {
        for (String option : options) {
            if (!option.equals("--no-demo")) {
                throw new IllegalArgumentException("Unknown option " + option + ".\n" + USAGE);
            }
        }
        return options.isEmpty();
    }

    private static void up(StackSettings settings, boolean demo) throws Exception {
        LocalStack stack = new LocalStack(settings, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            System.out.println("\nStopping Backbone ...");
            stack.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "backbone-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stack.start();
        } catch (Exception e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            throw e instanceof LocalStack.AlreadyRunningException ? e
                    : new IllegalStateException("Backbone did not start: " + e.getMessage(), e);
        }
        if (demo) {
            stack.loadDemoData();
        }
        stack.printSummary();
        stopped.await();
    }

    static String token(StackSettings settings, List<String> options) throws IOException {
        String tenant = null;
        List<String> roles = List.of("trainer");
        Duration ttl = Duration.ofHours(8);
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (i + 1 >= options.size()) {
                throw new IllegalArgumentException("Option " + option + " needs a value.\n" + USAGE);
            }
            String value = options.get(++i);
            switch (option) {
                case "--tenant" -> tenant = value;
                case "--roles" -> roles = List.of(value.split(","));
                case "--ttl" -> ttl = parseDuration(value);
                default -> throw new IllegalArgumentException("Unknown option " + option + ".\n" + USAGE);
            }
        }
        if (tenant == null || !tenant.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw new IllegalArgumentException("--tenant is required: 1-64 characters of letters, digits and . _ : -");
        }
        JwtKeys keys = JwtKeys.loadOrCreate(settings.jwtDir());
        return new TokenMinter(keys.privateKey(), TokenMinter.DEFAULT_ISSUER).mint(tenant, roles, ttl);
    }

    private static int importHistory(StackSettings settings, List<String> options) throws Exception {
        if (options.isEmpty() || options.get(0).startsWith("--")) {
            throw new IllegalArgumentException("import needs a file.\n" + USAGE);
        }
        Path file = Path.of(options.get(0));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No file " + file.toAbsolutePath() + ".");
        }
        String member = null;
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 1; i < options.size(); i++) {
            String option = options.get(i);
            switch (option) {
                case "--dry-run" -> query.put("dryRun", "true");
                case "--skip-unmapped" -> query.put("unmapped", "SKIP");
                case "--member", "--source", "--time-zone", "--weight-unit" -> {
                    if (i + 1 >= options.size()) {
                        throw new IllegalArgumentException("Option " + option + " needs a value.\n" + USAGE);
                    }
                    String value = options.get(++i);
                    switch (option) {
                        case "--member" -> member = value;
                        case "--source" -> query.put("source", value.toUpperCase(Locale.ROOT));
                        case "--time-zone" -> query.put("timeZone", value);
                        default -> query.put("weightUnit", value.toUpperCase(Locale.ROOT));
                    }
                }
                default -> throw new IllegalArgumentException("Unknown option " + option + ".\n" + USAGE);
            }
        }
        if (member == null || !query.containsKey("source")) {
            throw new IllegalArgumentException("import needs --member and --source.\n" + USAGE);
        }
        if (!Files.isRegularFile(settings.demoTokenFile())) {
            throw new IllegalStateException("No running stack found (no " + settings.demoTokenFile()
                    + "): start it with ./backbone up.");
        }
        int port = settings.services().stream().filter(s -> s.name().equals("logging-service")).findFirst()
                .orElseThrow().port();
        HistoryImport.Outcome outcome;
        try {
            outcome = new HistoryImport(URI.create("http://127.0.0.1:" + port), Files.readString(
                    settings.demoTokenFile()).trim(), System.out).run(file, member, query);
        } catch (java.net.ConnectException e) {
            throw new IllegalStateException("logging-service does not answer on port " + port
                    + ": is ./backbone up running?");
        }
        System.out.println(HistoryImport.summary(outcome));
        return outcome.done() ? 0 : 1;
    }

    private static void benchRest(StackSettings settings, List<String> options) throws Exception {
        if (options.isEmpty() || !options.get(0).startsWith("/")) {
            throw new IllegalArgumentException("bench-rest needs a path such as /exercises?muscle=LATS.\n" + USAGE);
        }
        int port = settings.services().get(0).port();
        int clients = 50;
        int seconds = 30;
        String body = null;
        for (int i = 1; i + 1 < options.size(); i += 2) {
            String value = options.get(i + 1);
            switch (options.get(i)) {
                case "--port" -> port = Integer.parseInt(value);
                case "--clients" -> clients = Integer.parseInt(value);
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--body" -> body = value;
                default -> throw new IllegalArgumentException("Unknown option " + options.get(i) + ".\n" + USAGE);
            }
        }
        String token = Files.readString(settings.demoTokenFile()).trim();
        System.out.println(ClosedLoopLoad.run(URI.create("http://127.0.0.1:" + port + options.get(0)), token, body,
                clients, Duration.ofSeconds(Math.max(5, seconds / 5)), Duration.ofSeconds(seconds)).summary());
    }

    static Duration parseDuration(String value) {
        try {
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            Duration duration = switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException();
            };
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException();
            }
            return duration;
        } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeParseException e) {
            throw new IllegalArgumentException("--ttl takes a positive number with s, m, h or d, e.g. 8h, not '"
                    + value + "'", e);
        }
    }
}
