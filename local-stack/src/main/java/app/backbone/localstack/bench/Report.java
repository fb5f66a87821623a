package app.backbone.localstack.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Renders the benchmark figures as an aligned Markdown table and as the {@code BENCHMARKS.md} document. */
final class Report {

    private static final List<String> HEADER = List.of("", "figure", "target", "measured", "measured / target",
            "raw ceiling", "measured / ceiling", "result");
    private static final String METHOD = """
            ## How it measures

            Everything runs on the one machine: PostgreSQL, Kafka (inside the benchmark's JVM), the four services as
            separate JVMs and the load generators. The suite starts a stack of its own on free ports with its data in
            `.backbone-bench/` (wiped at each run but for the services' startup caches), so it never meets a running
            `./backbone up`. Its PostgreSQL runs with fsync on (`./backbone up`'s with fsync off) and
            synchronous_commit off: a commit returns before its WAL is flushed, and the WAL reaches the disk when it
            is; the settings are in Details.

            CPU time is each process's user + system time from `/proc/<pid>/stat` (clock ticks of `getconf
            CLK_TCK`), read at the start and the end of a measured period and divided by the requests or events of
            that period: each service, PostgreSQL (the postmaster, its live backends and those it has reaped) and the
            benchmark's JVM (Kafka's broker and the load generators). Steadier than wall time on a shared machine; a
            process's background work (polls, schedulers) counts too, which matters for the processes not serving the
            load.

            - **(a) ingest**: logging-service is stopped, the events (5 exercises x 4 sets of global catalog exercises,
              key = memberId, 10,000 members of one tenant) are published, logging-service is started again and the
              rate is the backlog stored and its progress and insights published: from the first stored sessions seen
              (the offsets logging-service's consumer group committed on the broker, which it commits only after
              storing a batch; read from the broker so that following the ingest takes nothing from its database, the
              tenant's stored sessions counted once at the end to confirm) to the last stored session and an empty
              outbox (the count of logging-service's pending outbox messages). The ceilings read the same records
              with a plain `KafkaConsumer` parsing each
              with Jackson (the second of two passes), and insert the same sessions with plain batched JDBC
              (`reWriteBatchedInserts`, 500 per transaction, after a warm-up) into scratch tables shaped like
              logging-service's session row (sets as JSONB, an event-id claim `ON CONFLICT DO NOTHING`), without
              logging-service's weekly and per-exercise figures, from one writer and from two (rows split by member).
              After the other parts, half the backlog again with synchronous_commit on for logging-service's database
              (`ALTER DATABASE logging SET synchronous_commit = on`: the server has it off on its command line, where
              `ALTER SYSTEM` cannot override it), beside two JDBC writers with it on; logging-service is then
              restarted with the stack's setting.
            - **(b) freshness**: events at a steady rate; a sample of them, each for a member of its own, is polled in
              logging-service's `GET /members/{m}/sessions` until it shows (only the oldest waiting one of each
              partition, so the polling stays light); latency is from the send to the answer that shows it, so it
              overstates by up to one polling round (see Details).
            - **(c) REST**: each endpoint first under 50 closed-loop clients on keep-alive connections from one
              thread, after a warm-up, for the throughput at saturation, beside the same clients against the
              service's no-op `GET /ping` (the same HTTP stack, token check and tenant claim, no work), measured in
              the same run just before the service's endpoints: its throughput is the ceiling. Then, the endpoint's
              code compiled by the JIT (the few thousand requests of a short warm-up at 200 requests/s leave C2
              compiling it through the measured period), open loop at a fixed 200 requests/s (Netty's HTTP/1.1
              codec on one event-loop thread, up to 50 keep-alive connections): request i is due i/200 s after the
              start whether or not earlier ones were answered, waits for a free connection if all are busy, and its
              latency counts from when it was due (corrected for coordinated omission, as wrk2 does), into an
              HdrHistogram; after a warm-up. The volume and records member has two years of
              three sessions a week, and the next session is of a program made for that member.
            - **(d) start and memory**: each service is stopped and started alone with everything else up; start is
              launch to the first 200 of `/q/health/ready` (polled every 50 ms), the median of the repetitions.
              Resident memory is VmRSS: idle after the stack's start, and the highest sample (every 500 ms) during
              (a)-(c) and (e)-(g), the suite's load.
            - **(e) next-session freshness**: while sessions arrive at the (b) rate straight on Kafka, eight probe
              members each report a session of their program to program-service and poll
              `GET /programs/{id}/next-session` until its loads come from progress computed after that report
              (program-service published the session, logging-service stored it and published the member's progress
              through its outbox, program-service learned it): every 25 ms for the first 250 ms after the report,
              then every tenth of the time since it, so a probe polls a few dozen times however long it waits
              (polling every 25 ms throughout put several hundred requests/s on program-service when the answers
              took seconds) and a time past 250 ms is found at most a tenth late.
            - **(f) history import**: a generated Strong export of one member (five years, four workouts a week, five
              exercises of a warm-up and five working sets: 31,320 set rows, about 2.3 MB) is uploaded to
              `POST /members/{m}/imports` and `GET /imports/{id}` polled every 250 ms; the time is from the start of the
              upload to the first answer that says `DONE` (the file checked, mapped and every session stored with its
              figures).
            - **(g) webhook delivery**: a tenant of its own subscribes a receiver in the benchmark's JVM (the JDK's
              `HttpServer` on loopback, answering `204` at once) to `record.achieved` and `deload.recommended`, and
              insights (`RECORD_ACHIEVED`, one in four `DELOAD_RECOMMENDED`, key = tenantId/memberId, 500 members) are
              published straight to `training.insights` at a steady rate, open loop, once a first one has arrived: each
              insight is timed from when it was due to be sent, whenever it went out, to the first request whose
              `data.eventId` is its event id, so a stalled publisher does not hide latency. The first tenth of the
              period is a warm-up, not timed; the part waits until every insight arrived and fails when none more arrive
              for 2 minutes. The delivered rate is the timed insights over the time from the first one's due time to the
              last one's arrival: below the publishing rate, webhook-service did not keep up and the latencies grow with
              the length of the run. Duplicates (in Details) are requests for an insight that had arrived before.
            """;

    /** The facts about one run printed above the figures. */
    public record RunInfo(Instant date, String commit, String machine, String jdk, String command, Duration took) {
    }

    private Report() {
    }

    /** The figures as a Markdown table with padded columns, readable as plain text too. */
    public static String table(List<Figure> figures) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Figure f : figures) {
            Figure.Ceiling first = f.ceilings().isEmpty() ? null : f.ceilings().get(0);
            rows.add(List.of(f.section(), f.name(), f.targetText(), f.unit().format(f.measured()), f.targetRatio(),
                    first == null ? "" : ceilingText(f, first), first == null ? "" : f.ceilingRatio(first),
                    f.result()));
            for (Figure.Ceiling more : f.ceilings().subList(Math.min(1, f.ceilings().size()), f.ceilings().size())) {
                rows.add(List.of("", "", "", "", "", ceilingText(f, more), f.ceilingRatio(more), ""));
            }
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], Math.max(3, row.get(i).length()));
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, rows.get(0), widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, rule, widths);
        rows.subList(1, rows.size()).forEach(row -> line(out, row, widths));
        return out.toString();
    }

    /** The whole {@code BENCHMARKS.md}. */
    public static String markdown(RunInfo info, List<Figure> figures, List<String> details) {
        StringBuilder out = new StringBuilder()
                .append("# Benchmarks\n\n")
                .append("Written by `./backbone bench` (see README, \"Measure it\"); run it again to refresh. ")
                .append("\"measured / ceiling\" compares with what plain clients reach on the same infrastructure ")
                .append("in the same run.\n\n")
                .append("| run | |\n|---|---|\n")
                .append("| date | ").append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                        .format(info.date().atOffset(ZoneOffset.UTC))).append(" |\n")
                .append("| commit | ").append(info.commit()).append(" |\n")
                .append("| machine | ").append(info.machine()).append(" |\n")
                .append("| JDK of the services | ").append(info.jdk()).append(" |\n")
                .append("| command | `").append(info.command()).append("` |\n")
                .append("| duration | ").append(minutesAndSeconds(info.took())).append(" |\n\n")
                .append("## Figures\n\n")
                .append(table(figures))
                .append("\n## Details\n\n");
        details.forEach(detail -> out.append("- ").append(detail).append('\n'));
        return out.append('\n').append(METHOD).toString();
    }

    static String minutesAndSeconds(Duration duration) {
        return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
    }

    private static String ceilingText(Figure figure, Figure.Ceiling ceiling) {
        return ceiling.name() + ": " + figure.unit().format(ceiling.value());
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int i = 0; i < cells.size(); i++) {
            out.append(' ').append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length())).append(" |");
        }
        out.append('\n');
    }
}
