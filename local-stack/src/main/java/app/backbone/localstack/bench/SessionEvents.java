package app.backbone.localstack.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Completed-session events as a chain would publish them to {@value #TOPIC} (key = memberId): 5 exercises of the
 * given catalog ids, 4 sets each (the first set of the session a warm-up), about 1.2 KB of JSON.
 */
final class SessionEvents {

    /** The topic logging-service ingests. */
    public static final String TOPIC = "training.sessions.completed";

    private final List<String> exerciseIds;
    private final Random random;

    public SessionEvents(List<String> exerciseIds, long seed) {
        if (exerciseIds.size() < 5) {
            throw new IllegalArgumentException("Need at least 5 exercise ids, got " + exerciseIds);
        }
        this.exerciseIds = List.copyOf(exerciseIds);
        this.random = new Random(seed);
    }

    /** A producer as a chain's system would use: acks=all, idempotent, lz4, 64 KB batches. */
    public static KafkaProducer<String, String> producer(String bootstrapServers, int lingerMs) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, lingerMs,
                ProducerConfig.BATCH_SIZE_CONFIG, 65536,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new StringSerializer());
    }

    /** The JSON of one event with a fresh event id. */
    public String next(String tenant, String member, String sessionId, Instant completedAt) {
        StringBuilder json = new StringBuilder(1400)
                .append("{\"eventId\":\"").append(UUID.randomUUID())
                .append("\",\"schemaVersion\":1,\"occurredAt\":\"").append(completedAt)
                .append("\",\"tenantId\":\"").append(tenant)
                .append("\",\"memberId\":\"").append(member)
                .append("\",\"sessionId\":\"").append(sessionId)
                .append("\",\"completedAt\":\"").append(completedAt)
                .append("\",\"exercises\":[");
        int first = random.nextInt(exerciseIds.size());
        for (int e = 0; e < 5; e++) {
            json.append(e == 0 ? "" : ",").append("{\"exerciseId\":\"")
                    .append(exerciseIds.get((first + e) % exerciseIds.size()))
                    .append("\",\"prescription\":{\"sets\":4,\"repsMin\":8,\"repsMax\":12},\"sets\":[");
            int load = 20 + 5 * random.nextInt(20);
            for (int s = 0; s < 4; s++) {
                json.append(s == 0 ? "" : ",").append("{\"reps\":").append(7 + random.nextInt(6))
                        .append(",\"loadKg\":").append(load).append(".0,\"rir\":").append(random.nextInt(4))
                        .append(",\"toFailure\":").append(s == 3 && random.nextBoolean())
                        .append(",\"seconds\":null,\"warmup\":").append(e == 0 && s == 0).append('}');
            }
            json.append("]}");
        }
        return json.append("]}").toString();
    }
}
