package app.backbone.localstack.bench;

import static app.backbone.localstack.bench.BenchContext.LOGGING;
import static app.backbone.localstack.bench.BenchContext.STALL_TIMEOUT;
import static app.backbone.localstack.bench.BenchContext.TENANT;

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

import app.backbone.localstack.bench.Figure.Ceiling;
import app.backbone.localstack.bench.Figure.Target;
import app.backbone.localstack.bench.Figure.Unit;

/**
 * (a) logging-service's ingest of a backlog: with logging-service stopped, publishes the events, starts it again and
 * times the stored-session count from the first stored session seen to the last; then measures the raw ceilings
 * ({@link RawCeilings}) on the same records.
 */
final class Ingest {

    private static final Duration COUNT_EVERY = Duration.ofMillis(250);

    /** How logging-service worked off the backlog. */
    private record Backlog(double readySeconds, double firstSeconds, long firstCount, double storeSeconds,
            int events) {

        double rate() {
            return (events - firstCount) / storeSeconds;
        }
    }

    private final BenchContext bench;

    Ingest(BenchContext bench) {
        this.bench = bench;
    }

    void measure() throws Exception {
        int events = bench.options.events();
        String bootstrap = bench.stack.kafkaBootstrapServers();
        bench.out.printf("%n(a) Ingest: stopping logging-service and publishing %,d events of %,d members ...%n",
                events, bench.options.members());
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
                        "ingest-" + i, now.minusSeconds(random.nextInt(28 * 86_400)))), failed);
                bench.progress("published %,d of %,d", i + 1, events);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        double publishSeconds = (System.nanoTime() - publishStarted) / 1e9;
        Map<TopicPartition, Long> to = RawCeilings.endOffsets(bootstrap, SessionEvents.TOPIC);
        bench.out.printf("  published in %.1f s (%,.0f events/s); starting logging-service ...%n", publishSeconds,
                events / publishSeconds);

        Backlog backlog = storeBacklog(events);
        bench.details.add(String.format(Locale.ROOT, "(a) %,d events published in %.1f s (%,.0f events/s) while "
                + "logging-service was stopped; it was ready %.1f s after launch, stored its first sessions "
                + "within %.1f s and the %,d sessions after the first seen (count read every %d ms) in %.1f s.",
                events, publishSeconds, events / publishSeconds, backlog.readySeconds, backlog.firstSeconds,
                events - backlog.firstCount, COUNT_EVERY.toMillis(), backlog.storeSeconds));
        bench.out.printf("  logging-service stored the backlog at %s%n",
                Unit.EVENTS_PER_SECOND.format(backlog.rate()));

        bench.out.println("  raw ceiling: reading the same records with a plain KafkaConsumer + Jackson, twice (the "
                + "first warms up) ...");
        RawCeilings.consume(bootstrap, from, to);
        RawCeilings.Consumed consumed = RawCeilings.consume(bootstrap, from, to);
        bench.out.printf("  %s (%,d records in %.1f s)%n", Unit.EVENTS_PER_SECOND.format(consumed.perSecond()),
                consumed.events().size(), consumed.seconds());
        List<RawCeilings.Row> rows = RawCeilings.rows(consumed.events());
        bench.out.println("  raw ceiling: batched JDBC inserts of the same sessions (after a few thousand to warm "
                + "up) ...");
        RawCeilings.insert(bench.stack, rows.subList(0, Math.min(rows.size(), 5_000)), 1);
        List<Ceiling> ceilings = new ArrayList<>(List.of(new Ceiling("Kafka consume + Jackson",
                consumed.perSecond())));
        for (int writers = 1; writers <= 2; writers++) {
            double perSecond = RawCeilings.insert(bench.stack, rows, writers);
            bench.out.printf("  %d writer%s: %s%n", writers, writers == 1 ? "" : "s",
                    Unit.EVENTS_PER_SECOND.format(perSecond));
            ceilings.add(new Ceiling("JDBC insert, " + writers + " writer" + (writers == 1 ? "" : "s"), perSecond));
        }
        bench.figures.add(new Figure("a", String.format(Locale.ROOT, "logging-service ingest, backlog of %,d",
                events), Unit.EVENTS_PER_SECOND, backlog.rate(), Target.atLeast(5_000), ceilings));
    }

    private Backlog storeBacklog(int events) throws Exception {
        try (LoggingDatabase db = new LoggingDatabase(bench.stack.jdbcUrl("logging"))) {
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
                bench.progress("stored %,d of %,d", stored, events);
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
}
