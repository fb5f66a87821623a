package app.backbone.localstack.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import app.backbone.embedded.EmbeddedPostgres;
import app.backbone.localstack.LocalStack;

/**
 * What the infrastructure alone does with the same completed-session records, as ceilings for logging-service's
 * ingest: a plain Kafka consumer parsing each record with Jackson, and plain batched JDBC inserts into a scratch
 * database shaped like logging-service's stored session (one row per session, sets as JSONB, an event-id claim).
 */
final class RawCeilings {

    private static final String SCRATCH_DATABASE = "bench_raw";
    private static final int ROWS_PER_TRANSACTION = 500;
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final String CLAIM = "INSERT INTO raw_event (event_id, received_at) VALUES (?, ?) "
            + "ON CONFLICT DO NOTHING";
    private static final String INSERT = "INSERT INTO raw_session (id, tenant_id, member_id, session_id, program_id, "
            + "completed_at, received_at, event_id, exercises) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) "
            + "ON CONFLICT (tenant_id, session_id) DO NOTHING";

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The completed-session event as the schema defines it. */
    record SessionEvent(UUID eventId, int schemaVersion, Instant occurredAt, String tenantId, String memberId,
            String sessionId, UUID programId, Instant completedAt, List<Exercise> exercises) {
    }

    record Exercise(String exerciseId, Prescription prescription, List<WorkSet> sets) {
    }

    record Prescription(int sets, Integer repsMin, Integer repsMax) {
    }

    record WorkSet(Integer reps, Double loadKg, Integer rir, boolean toFailure, Integer seconds, boolean warmup) {
    }

    /** Records read and parsed, and how long that took. */
    record Consumed(List<SessionEvent> events, double seconds) {

        double perSecond() {
            return events.size() / seconds;
        }
    }

    private RawCeilings() {
    }

    /** Where each partition of the topic ends now. */
    static Map<TopicPartition, Long> endOffsets(String bootstrapServers, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
        }
    }

    /** Reads the records from {@code from} up to {@code to} with a consumer of its own, parsing each. */
    static Consumed consume(String bootstrapServers, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to)
            throws java.io.IOException {
        long expected = to.entrySet().stream().mapToLong(e -> e.getValue() - from.getOrDefault(e.getKey(), 0L))
                .sum();
        List<SessionEvent> events = new ArrayList<>((int) expected);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            consumer.assign(to.keySet());
            to.keySet().forEach(p -> consumer.seek(p, from.getOrDefault(p, 0L)));
            long started = System.nanoTime();
            long idleSince = started;
            while (events.size() < expected) {
                int before = events.size();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < to.get(new TopicPartition(record.topic(), record.partition()))) {
                        events.add(MAPPER.readValue(record.value(), SessionEvent.class));
                    }
                }
                long now = System.nanoTime();
                if (events.size() > before) {
                    idleSince = now;
                } else if (now - idleSince > Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException("Raw consumer read only " + events.size() + " of " + expected);
                }
            }
            return new Consumed(events, (System.nanoTime() - started) / 1e9);
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** One stored session as logging-service keeps it: its fields and its exercises as JSON. */
    record Row(SessionEvent event, String exercisesJson) {
    }

    /** The rows for {@link #insert}, serialised before any timing starts. */
    static List<Row> rows(List<SessionEvent> events) throws JsonProcessingException {
        List<Row> rows = new ArrayList<>(events.size());
        for (SessionEvent event : events) {
            rows.add(new Row(event, MAPPER.writeValueAsString(event.exercises())));
        }
        return rows;
    }

    /**
     * Inserts the rows into fresh scratch tables from {@code writers} connections (rows split by member, as Kafka
     * partitions split them), {@value #ROWS_PER_TRANSACTION} per transaction, and answers the rows per second.
     *
     * @param synchronousCommitOn whether each writer sets {@code synchronous_commit=on} (each commit waits for its
     *                            WAL to be flushed); otherwise the server's setting applies
     */
    static double insert(LocalStack stack, List<Row> rows, int writers, boolean synchronousCommitOn)
            throws Exception {
        String scratchUrl = prepareScratch(stack);
        List<List<Row>> shares = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            shares.add(new ArrayList<>());
        }
        rows.forEach(row -> shares.get(Math.floorMod(row.event().memberId().hashCode(), writers)).add(row));
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch ready = new CountDownLatch(writers);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong ids = new AtomicLong();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<Row> share : shares) {
                done.add(pool.submit(() -> write(scratchUrl, share, synchronousCommitOn, ids, ready, go)));
            }
            ready.await();
            long started = System.nanoTime();
            go.countDown();
            for (Future<?> future : done) {
                future.get();
            }
            return rows.size() / ((System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String prepareScratch(LocalStack stack) throws SQLException {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("postgres"), EmbeddedPostgres.USER, "");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + SCRATCH_DATABASE
                    + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + SCRATCH_DATABASE);
                }
            }
        }
        String scratchUrl = stack.jdbcUrl(SCRATCH_DATABASE);
        try (Connection c = DriverManager.getConnection(scratchUrl, EmbeddedPostgres.USER, "");
             Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS raw_session, raw_event");
            s.execute("""
                    CREATE TABLE raw_session (
                        id            bigint       PRIMARY KEY,
                        tenant_id     varchar(64)  NOT NULL,
                        member_id     varchar(64)  NOT NULL,
                        session_id    varchar(100) NOT NULL,
                        program_id    uuid,
                        completed_at  timestamptz  NOT NULL,
                        received_at   timestamptz  NOT NULL,
                        event_id      uuid,
                        exercises     jsonb        NOT NULL,
                        UNIQUE (tenant_id, session_id))""");
            s.execute("CREATE INDEX raw_session_by_member ON raw_session (tenant_id, member_id, completed_at DESC)");
            s.execute("CREATE TABLE raw_event (event_id uuid PRIMARY KEY, received_at timestamptz NOT NULL)");
            s.execute("CHECKPOINT");
        }
        return scratchUrl + "?reWriteBatchedInserts=true";
    }

    private static Void write(String url, List<Row> rows, boolean synchronousCommitOn, AtomicLong ids,
            CountDownLatch ready, CountDownLatch go) throws Exception {
        try (Connection c = DriverManager.getConnection(url, EmbeddedPostgres.USER, "");
             PreparedStatement claim = c.prepareStatement(CLAIM);
             PreparedStatement insert = c.prepareStatement(INSERT)) {
            if (synchronousCommitOn) {
                try (Statement set = c.createStatement()) {
                    set.execute("SET synchronous_commit = on");
                }
            }
            c.setAutoCommit(false);
            ready.countDown();
            go.await();
            for (int from = 0; from < rows.size(); from += ROWS_PER_TRANSACTION) {
                List<Row> batch = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_TRANSACTION));
                Timestamp now = Timestamp.from(Instant.now());
                long id = ids.getAndAdd(batch.size());
                for (Row row : batch) {
                    SessionEvent e = row.event();
                    claim.setObject(1, e.eventId());
                    claim.setTimestamp(2, now);
                    claim.addBatch();
                    insert.setLong(1, id++);
                    insert.setString(2, e.tenantId());
                    insert.setString(3, e.memberId());
                    insert.setString(4, e.sessionId());
                    insert.setObject(5, e.programId(), Types.OTHER);
                    insert.setTimestamp(6, Timestamp.from(e.completedAt()));
                    insert.setTimestamp(7, now);
                    insert.setObject(8, e.eventId());
                    insert.setString(9, row.exercisesJson());
                    insert.addBatch();
                }
                claim.executeBatch();
                insert.executeBatch();
                c.commit();
            }
        }
        return null;
    }
}
