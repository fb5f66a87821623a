package app.backbone.localstack.bench;

import static app.backbone.localstack.bench.BenchContext.LOGGING;
import static app.backbone.localstack.bench.BenchContext.STALL_TIMEOUT;
import static app.backbone.localstack.bench.BenchContext.TENANT;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import app.backbone.embedded.EmbeddedPostgres;
import app.backbone.localstack.bench.Figure.Ceiling;
import app.backbone.localstack.bench.Figure.Target;
import app.backbone.localstack.bench.Figure.Unit;

/**
 * (a) logging-service's ingest of a backlog: with logging-service stopped, publishes the events, starts it again and
 * times it from the first stored sessions seen (the offsets its consumer group committed, which it commits only after
 * storing a batch; the database is counted once at the end to confirm) to the last and on until its outbox is empty
 * (the progress and insights the sessions made published), with the CPU time each process used meanwhile; then
 * measures the raw ceilings ({@link RawCeilings}) on the same records. Later, once the other parts
 * have run on a warm logging-service, {@link #measureWithSynchronousCommit} does it again with half the backlog and
 * {@code synchronous_commit=on} for logging-service's database, beside 2-writer JDBC inserts with the same setting;
 * its figure goes beside the first.
 */
final class Ingest {

    private static final Duration COUNT_EVERY = Duration.ofMillis(250);
    private static final String CONSUMER_GROUP = "logging-service";
    private static final int JDBC_WRITERS = 2;
    private static final int TOP_STATEMENTS = 12;
    private static final Target RATE = Target.atLeast(10_000);
    private static final Target OF_JDBC = Target.atLeastOfCeiling(0.8);

    /**
     * How logging-service worked off the backlog: {@code storedSeconds} from the first stored session seen to the
     * last, {@code storeSeconds} to the last message of its outbox published too, and the CPU time used meanwhile.
     */
    private record Backlog(double readySeconds, double firstSeconds, long firstCount, double storedSeconds,
            double storeSeconds, int events, ProcessCpu.Window cpu) {

        long timed() {
            return events - firstCount;
        }

        double rate() {
            return timed() / storeSeconds;
        }
    }

    /** A backlog published: how long that took, and where the topic's partitions began and ended. */
    private record Published(double seconds, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
    }

    private final BenchContext bench;
    private List<RawCeilings.Row> rows;
    private int figuresAt;
    private int detailsAt;

    Ingest(BenchContext bench) {
        this.bench = bench;
    }

    void measure() throws Exception {
        int events = bench.options.events();
        String bootstrap = bench.stack.kafkaBootstrapServers();
        bench.out.printf("%n(a) Ingest: stopping logging-service and publishing %,d events of %,d members ...%n",
                events, bench.options.members());
        Published published = stopAndPublish(events, "ingest-");
        Backlog backlog = storeBacklog(events, published);
        bench.details.add(String.format(Locale.ROOT, "(a) %,d events published in %.1f s (%,.0f events/s) while "
                + "logging-service was stopped; it was ready %.1f s after launch, stored its first sessions "
                + "within %.1f s and the %,d sessions after the first seen (its group's committed offsets read "
                + "every %d ms) in %.1f s, "
                + "with the progress and insights they made published in %.1f s; CPU per event meanwhile: %s.",
                events, published.seconds(), events / published.seconds(), backlog.readySeconds,
                backlog.firstSeconds, backlog.timed(), COUNT_EVERY.toMillis(), backlog.storedSeconds,
                backlog.storeSeconds, backlog.cpu().perUnit(backlog.timed())));

        bench.out.println("  raw ceiling: reading the same records with a plain KafkaConsumer + Jackson, twice (the "
                + "first warms up) ...");
        RawCeilings.consume(bootstrap, published.from(), published.to());
        RawCeilings.Consumed consumed = RawCeilings.consume(bootstrap, published.from(), published.to());
        bench.out.printf("  %s (%,d records in %.1f s)%n", Unit.EVENTS_PER_SECOND.format(consumed.perSecond()),
                consumed.events().size(), consumed.seconds());
        rows = RawCeilings.rows(consumed.events());
        bench.out.println("  raw ceiling: batched JDBC inserts of the same sessions (after a few thousand to warm "
                + "up) ...");
        RawCeilings.insert(bench.stack, rows.subList(0, Math.min(rows.size(), 5_000)), 1, false);
        List<Ceiling> ceilings = new ArrayList<>(List.of(new Ceiling("Kafka consume + Jackson",
                consumed.perSecond())));
        for (int writers = 1; writers <= JDBC_WRITERS; writers++) {
            double perSecond = RawCeilings.insert(bench.stack, rows, writers, false);
            bench.out.printf("  %d writer%s: %s%n", writers, writers == 1 ? "" : "s",
                    Unit.EVENTS_PER_SECOND.format(perSecond));
            ceilings.add(new Ceiling(jdbcCeiling(writers), perSecond));
        }
        String name = String.format(Locale.ROOT, "logging-service ingest, backlog of %,d", events);
        bench.figures.add(new Figure("a", name, Unit.EVENTS_PER_SECOND, backlog.rate(), RATE, ceilings));
        bench.figures.add(new Figure("a", name + ", against " + JDBC_WRITERS + "-writer JDBC",
                Unit.EVENTS_PER_SECOND, backlog.rate(), OF_JDBC, List.of(ceilings.get(ceilings.size() - 1))));
        bench.figures.add(Figure.of("a", name + ", " + LOGGING + " CPU per event", Unit.MICROSECONDS,
                backlog.cpu().microsPer(LOGGING, backlog.timed()), null));
        figuresAt = bench.figures.size();
        detailsAt = bench.details.size();
    }

    private static String statementTimes(List<LoggingDatabase.StatementTime> top, long events) {
        double total = top.stream().mapToDouble(LoggingDatabase.StatementTime::totalMillis).sum();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "(a) Statements that took logging-service's"
                + " database the most execution time during the ingest (pg_stat_statements; the top %d, %.0f ms in "
                + "all, %.1f µs per event):", top.size(), total, total * 1000 / events));
        for (LoggingDatabase.StatementTime statement : top) {
            String query = statement.query().length() > 160 ? statement.query().substring(0, 157) + "..."
                    : statement.query();
            text.append(String.format(Locale.ROOT, "%n    - %.0f ms (%.0f%%), %,d calls, %,d rows: `%s`",
                    statement.totalMillis(), 100 * statement.totalMillis() / total, statement.calls(),
                    statement.rows(), query.replace("`", "'")));
        }
        return text.toString();
    }

    private static String jdbcCeiling(int writers) {
        return "JDBC insert, " + writers + " writer" + (writers == 1 ? "" : "s");
    }

    /**
     * Half the backlog again with {@code synchronous_commit=on} for logging-service's database (set per database:
     * PostgreSQL runs with it off on its command line, which {@code ALTER SYSTEM} cannot override), beside the
     * 2-writer JDBC ceiling with the same setting, on the sessions of {@link #measure}; then logging-service is
     * restarted with the stack's setting.
     */
    void measureWithSynchronousCommit() throws Exception {
        if (rows == null) {
            throw new IllegalStateException("the ingest with the stack's settings did not run");
        }
        int events = Math.max(1, bench.options.events() / 2);
        bench.out.printf("%n(a) Ingest again with synchronous_commit=on: stopping logging-service and publishing "
                + "%,d more events ...%n", events);
        try {
            synchronousCommit("SET synchronous_commit = on");
            Published published = stopAndPublish(events, "ingest-sync-");
            Backlog backlog = storeBacklog(events, published);
            bench.out.println("  raw ceiling: batched JDBC inserts with synchronous_commit=on ...");
            double perSecond = RawCeilings.insert(bench.stack, rows.subList(0, Math.min(rows.size(), events)),
                    JDBC_WRITERS, true);
            bench.out.printf("  %d writers: %s%n", JDBC_WRITERS, Unit.EVENTS_PER_SECOND.format(perSecond));
            bench.details.add(detailsAt, String.format(Locale.ROOT, "(a) with synchronous_commit=on for "
                    + "logging-service's database: %,d events published in %.1f s; logging-service stored the %,d "
                    + "after the first seen in %.1f s, and published what they made in %.1f s; CPU per event "
                    + "meanwhile: %s.", events, published.seconds(), backlog.timed(), backlog.storedSeconds,
                    backlog.storeSeconds, backlog.cpu().perUnit(backlog.timed())));
            bench.figures.add(figuresAt, new Figure("a", String.format(Locale.ROOT, "logging-service ingest, "
                    + "backlog of %,d, synchronous_commit=on", events), Unit.EVENTS_PER_SECOND, backlog.rate(), null,
                    List.of(new Ceiling(jdbcCeiling(JDBC_WRITERS) + ", synchronous_commit=on", perSecond))));
        } finally {
            synchronousCommit("RESET synchronous_commit");
            bench.out.println("  restarting logging-service with the stack's synchronous_commit ...");
            if (bench.stack.service(LOGGING).isAlive()) {
                bench.stack.stopService(LOGGING);
            }
            bench.stack.restartService(LOGGING);
        }
    }

    /** Sets or resets a setting of logging-service's database, for the sessions opened from now on. */
    private void synchronousCommit(String setOrReset) throws SQLException {
        try (Connection c = DriverManager.getConnection(bench.stack.jdbcUrl("postgres"), EmbeddedPostgres.USER, "");
             Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE logging " + setOrReset);
        }
    }

    /** Stops logging-service and publishes a backlog of completed sessions, ids starting {@code idPrefix}. */
    private Published stopAndPublish(int events, String idPrefix) throws Exception {
        String bootstrap = bench.stack.kafkaBootstrapServers();
        bench.stack.stopService(LOGGING);
        Map<TopicPartition, Long> from = RawCeilings.endOffsets(bootstrap, SessionEvents.TOPIC);
        SessionEvents generator = new SessionEvents(bench.exerciseIds(), 1);
        Random random = new Random(2);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AtomicReference<Exception> failure = new AtomicReference<>();
        Callback failed = (metadata, error) -> {
            if (error != null) {
                failure.set(error);
            }
        };
        long publishStarted = System.nanoTime();
        bench.startProgress();
        try (KafkaProducer<String, String> producer = SessionEvents.producer(bootstrap, 5)) {
            for (int i = 0; i < events; i++) {
                String member = "member-" + (i % bench.options.members());
                producer.send(new ProducerRecord<>(SessionEvents.TOPIC, member, generator.next(TENANT, member,
                        idPrefix + i, now.minusSeconds(random.nextInt(28 * 86_400)))), failed);
                bench.progress("published %,d of %,d", i + 1, events);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        double seconds = (System.nanoTime() - publishStarted) / 1e9;
        bench.out.printf("  published in %.1f s (%,.0f events/s); starting logging-service ...%n", seconds,
                events / seconds);
        return new Published(seconds, from, RawCeilings.endOffsets(bootstrap, SessionEvents.TOPIC));
    }

    private Backlog storeBacklog(int events, Published published) throws Exception {
        try (LoggingDatabase db = new LoggingDatabase(bench.stack.jdbcUrl("logging"));
             GroupProgress group = new GroupProgress(bench.stack.kafkaBootstrapServers(), CONSUMER_GROUP,
                     published.from(), published.to())) {
            if (bench.options.sqlProfile()) {
                db.resetStatementTimes();
            }
            long base = db.storedSessions(TENANT);
            long launched = System.nanoTime();
            bench.startProgress();
            CompletableFuture<Duration> ready = CompletableFuture.supplyAsync(() -> {
                try {
                    return bench.stack.restartService(LOGGING);
                } catch (Exception e) {
                    throw new IllegalStateException("logging-service did not start again: " + e.getMessage(), e);
                }
            });
            ProcessCpu.Window cpu = bench.cpu.window();
            long firstAt = -1;
            long firstCount = 0;
            long lastChange = launched;
            long stored = 0;
            while (stored < events) {
                Thread.sleep(COUNT_EVERY.toMillis());
                long now = System.nanoTime();
                long count = group.committed();
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
                    cpu.began();
                    firstAt = now;
                    firstCount = stored;
                }
                bench.progress("stored %,d of %,d", stored, events);
            }
            long storedAt = System.nanoTime();
            long inDatabase = db.storedSessions(TENANT) - base;
            if (inDatabase != events) {
                throw new IllegalStateException("logging-service committed the offsets of all " + events
                        + " events but stored " + inDatabase + " sessions");
            }
            long pending = db.pendingOutbox();
            lastChange = storedAt;
            while (pending > 0) {
                Thread.sleep(COUNT_EVERY.toMillis());
                long now = System.nanoTime();
                long left = db.pendingOutbox();
                if (left < pending) {
                    lastChange = now;
                } else if (now - lastChange > STALL_TIMEOUT.toNanos()) {
                    throw new IllegalStateException("logging-service's outbox kept " + left + " messages unpublished"
                            + " for " + STALL_TIMEOUT.toSeconds() + " s");
                }
                pending = left;
                bench.progress("stored %,d; outbox messages left to publish: %,d", stored, pending);
            }
            long lastAt = System.nanoTime();
            cpu.ended();
            double readySeconds = ready.join().toNanos() / 1e9;
            if (firstCount >= events) {
                throw new IllegalStateException("The whole backlog was stored between two counts; publish more "
                        + "events (--events) to time it");
            }
            Backlog backlog = new Backlog(readySeconds, (firstAt - launched) / 1e9, firstCount,
                    (storedAt - firstAt) / 1e9, (lastAt - firstAt) / 1e9, events, cpu);
            if (bench.options.sqlProfile()) {
                bench.details.add(statementTimes(db.topStatements(TOP_STATEMENTS), backlog.timed()));
            }
            bench.out.printf("  logging-service stored the backlog at %s, %s of CPU per event%n",
                    Unit.EVENTS_PER_SECOND.format(backlog.rate()), Unit.MICROSECONDS.format(
                            cpu.microsPer(LOGGING, backlog.timed())));
            return backlog;
        }
    }
}
