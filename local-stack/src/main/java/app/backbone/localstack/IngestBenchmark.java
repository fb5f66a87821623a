package app.backbone.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes completed-session events (5 exercises x 4 sets each) to a running stack's Kafka and measures how fast
 * logging-service stores them, by counting its stored sessions. Each run uses a tenant of its own.
 */
final class IngestBenchmark {

    private static final List<String> EXERCISES = List.of("romanian-deadlift", "two-handle-cable-row",
            "single-arm-lat-pulldown", "machine-row", "machine-pulldown", "conventional-deadlift",
            "back-extension-dumbbell-row", "straight-arm-pulldown", "lat-pulldown", "dumbbell-curl");
    private static final String TOPIC = "training.sessions.completed";

    private IngestBenchmark() {
    }

    /** What one run measured. */
    record Result(String tenant, int events, double publishSeconds, double storeSeconds) {

        String summary() {
            return String.format("tenant %s: %d events (5 exercises x 4 sets)%n  published in %.1f s (%.0f events/s)"
                    + "%n  stored by logging-service in %.1f s from the first send: %.0f events/s", tenant, events,
                    publishSeconds, events / publishSeconds, storeSeconds, events / storeSeconds);
        }
    }

    /**
     * Publishes {@code events} sessions spread over {@code members} members (or, with {@code weeks}, a history of
     * that many weeks for each member, three sessions a week) and waits until all are stored.
     */
    static Result run(StackSettings settings, int events, int members, int weeks, String tenant) throws Exception {
        Random random = new Random(42);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + settings.kafkaPort(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 65536,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < events; i++) {
                String member = "member-" + (i % members);
                Instant completedAt = weeks > 0
                        ? now.minus(Duration.ofDays((long) weeks * 7 * (i / members) / Math.max(1, events / members)))
                        : now.minusSeconds(random.nextInt(86_400 * 28));
                producer.send(new ProducerRecord<>(TOPIC, member, event(tenant, member, "s-" + i, completedAt,
                        random)), (metadata, error) -> {
                            if (error != null) {
                                failure.set(error);
                            }
                        });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        double publishSeconds = (System.nanoTime() - started) / 1e9;
        try (Connection db = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/logging", "postgres", "");
             PreparedStatement count = db.prepareStatement(
                     "SELECT count(*) FROM training_session WHERE tenant_id = ?")) {
            count.setString(1, tenant);
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (true) {
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= events) {
                        break;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("logging-service did not store all events within 10 minutes");
                }
                Thread.sleep(50);
            }
        }
        return new Result(tenant, events, publishSeconds, (System.nanoTime() - started) / 1e9);
    }

    private static String event(String tenant, String member, String sessionId, Instant completedAt, Random random) {
        StringBuilder exercises = new StringBuilder();
        int first = random.nextInt(EXERCISES.size());
        for (int e = 0; e < 5; e++) {
            if (e > 0) {
                exercises.append(',');
            }
            exercises.append("{\"exerciseId\":\"").append(EXERCISES.get((first + e) % EXERCISES.size()))
                    .append("\",\"prescription\":{\"sets\":4,\"repsMin\":8,\"repsMax\":12},\"sets\":[");
            int load = 40 + random.nextInt(80);
            for (int s = 0; s < 4; s++) {
                if (s > 0) {
                    exercises.append(',');
                }
                exercises.append("{\"reps\":").append(8 + random.nextInt(5)).append(",\"loadKg\":").append(load)
                        .append(",\"rir\":").append(random.nextInt(4)).append(",\"toFailure\":false,")
                        .append("\"seconds\":null,\"warmup\":").append(s == 0 && e == 0).append('}');
            }
            exercises.append("]}");
        }
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"schemaVersion\":1,\"occurredAt\":\"" + completedAt
                + "\",\"tenantId\":\"" + tenant + "\",\"memberId\":\"" + member + "\",\"sessionId\":\"" + sessionId
                + "\",\"completedAt\":\"" + completedAt + "\",\"exercises\":[" + exercises + "]}";
    }
}
