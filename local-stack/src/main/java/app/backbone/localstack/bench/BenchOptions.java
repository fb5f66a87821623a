package app.backbone.localstack.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The settings of one {@code ./backbone bench} run.
 *
 * @param events       completed sessions published as the ingest backlog (a)
 * @param members      members of the benchmark tenant the backlog is spread over
 * @param freshness    how long events are published at {@code rate} for (b), after a warm-up of a tenth of it
 * @param rate         events per second for (b)
 * @param restWarmUp   warm-up of each endpoint's loads in (c)
 * @param restMeasured measured period of each endpoint open loop in (c)
 * @param saturation   measured period of each endpoint and no-op under the closed-loop clients in (c)
 * @param clients      closed-loop clients in (c)
 * @param starts       start-time repetitions per service in (d)
 * @param webhookRate  insights per second for (g)
 * @param webhooks     how long insights are published at {@code webhookRate} for (g), after a warm-up of a tenth
 *                     of it
 * @param parts        which parts to run
 * @param output       the report file
 * @param sqlProfile   whether PostgreSQL loads {@code pg_stat_statements} and the ingest lists the statements that
 *                     took logging-service's database the most time
 */
public record BenchOptions(int events, int members, Duration freshness, int rate, Duration restWarmUp,
        Duration restMeasured, Duration saturation, int clients, int starts, int webhookRate, Duration webhooks,
        Set<Part> parts, Path output, boolean sqlProfile) {

    /** The parts of the suite. */
    public enum Part { INGEST, FRESHNESS, REST, START, NEXT_SESSION, IMPORT, WEBHOOKS }

    /** The usage lines of {@code ./backbone bench}. */
    public static final String USAGE = """
                   ./backbone bench [--quick] [--events 100000] [--seconds 20] [--webhook-rate 50]
                                    [--webhook-seconds 60] [--output BENCHMARKS.md] [--sql-profile]
                                    [--only ingest,freshness,rest,start,next-session,import,webhooks]
                                                         start a stack of its own on free ports, measure ingest
                                                         (also with synchronous_commit on), freshness, REST
                                                         latency open loop and throughput beside a no-op, start
                                                         time and memory, next-session freshness, a history
                                                         import and webhook delivery, with each process's CPU
                                                         time, print the figures and write them to
                                                         BENCHMARKS.md; --quick takes about 9 minutes instead
                                                         of about 15; --sql-profile lists the statements that
                                                         took the ingest's database time (pg_stat_statements,
                                                         which costs some of it)
            """;


    /** Parses the options after {@code bench}; {@code root} is where a relative output path resolves. */
    public static BenchOptions parse(List<String> args, Path root) {
        boolean quick = args.contains("--quick");
        boolean sqlProfile = args.contains("--sql-profile");
        int events = quick ? 20_000 : 100_000;
        int seconds = quick ? 8 : 20;
        int webhookRate = 50;
        int webhookSeconds = quick ? 20 : 60;
        Set<Part> parts = EnumSet.allOf(Part.class);
        Path output = root.resolve("BENCHMARKS.md");
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--quick") || option.equals("--sql-profile")) {
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("Option " + option + " needs a value.\nUsage:\n" + USAGE);
            }
            String value = args.get(++i);
            switch (option) {
                case "--events" -> events = positive(option, value);
                case "--seconds" -> seconds = positive(option, value);
                case "--webhook-rate" -> webhookRate = positive(option, value);
                case "--webhook-seconds" -> webhookSeconds = positive(option, value);
                case "--only" -> parts = parts(value);
                case "--output" -> output = root.resolve(value);
                default -> throw new IllegalArgumentException("Unknown option " + option + ".\nUsage:\n" + USAGE);
            }
        }
        return new BenchOptions(events, 10_000, Duration.ofSeconds(quick ? 20 : 40), 200,
                Duration.ofSeconds(quick ? 3 : 5), Duration.ofSeconds(seconds), Duration.ofSeconds(quick ? 5 : 10),
                50, quick ? 1 : 3, webhookRate,
                Duration.ofSeconds(webhookSeconds), parts, output, sqlProfile);
    }

    private static int positive(String option, String value) {
        int number;
        try {
            number = Integer.parseInt(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            number = 0;
        }
        if (number <= 0) {
            throw new IllegalArgumentException(option + " takes a positive whole number, not '" + value + "'");
        }
        return number;
    }

    private static Set<Part> parts(String value) {
        Set<Part> parts = EnumSet.noneOf(Part.class);
        for (String name : value.split(",")) {
            try {
                parts.add(Part.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "--only takes ingest, freshness, rest, start, next-session, import and webhooks, not '" + name
                                + "'",
                        e);
            }
        }
        return parts;
    }
}
