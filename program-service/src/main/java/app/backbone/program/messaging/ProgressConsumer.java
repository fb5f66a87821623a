package app.backbone.program.messaging;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import app.backbone.common.messaging.DeadLetters;
import app.backbone.program.service.ProgressReadModel;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Learns members' progress from {@value ProgressTopics#MEMBER_PROGRESS} into the local read model, never from
 * logging-service's database, a batch of records at a time in partition order: of each member the batch's last
 * record counts (a tombstone forgets the member; a record after another of a higher revision is ignored), and the
 * read model takes the batch in one transaction. A record
 * that cannot be read, or whose key does not name its tenant and member, goes to {@value ProgressTopics#DEAD_LETTERS}
 * with the reason in headers, and the batch goes on; offsets are committed once the batch is applied.
 */
@ApplicationScoped
public class ProgressConsumer {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private static final Duration DEAD_LETTER_ACK_TIMEOUT = Duration.ofSeconds(30);

    private final ObjectReader reader;
    private final ProgressReadModel readModel;
    private final MutinyEmitter<String> deadLetters;

    public ProgressConsumer(ObjectMapper mapper, ProgressReadModel readModel,
            @Channel(ProgressTopics.DEAD_LETTERS) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            MutinyEmitter<String> deadLetters) {
        this.reader = mapper.readerFor(MemberProgress.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.readModel = readModel;
        this.deadLetters = deadLetters;
    }

    @Incoming(ProgressTopics.MEMBER_PROGRESS)
    @Blocking(ordered = true)
    public CompletionStage<Void> onProgress(KafkaRecordBatch<String, String> batch) {
        Map<List<String>, ProgressReadModel.Learned> latest = new LinkedHashMap<>();
        List<Uni<Void>> dead = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            try {
                String[] key = key(record.getKey());
                List<String> member = List.of(key[0], key[1]);
                if (record.getPayload() == null) {
                    latest.put(member, new ProgressReadModel.Learned(key[0], key[1], null, null));
                    continue;
                }
                MemberProgress progress = read(record.getPayload());
                if (!progress.tenantId().equals(key[0]) || !progress.memberId().equals(key[1])) {
                    throw new IllegalArgumentException("The key " + record.getKey() + " does not name the record's "
                            + "member " + progress.tenantId() + "/" + progress.memberId());
                }
                latest.merge(member, new ProgressReadModel.Learned(key[0], key[1], progress, record.getPayload()),
                        (earlier, later) -> earlier.progress() != null
                                && earlier.progress().revision() > progress.revision() ? earlier : later);
            } catch (IllegalArgumentException e) {
                dead.add(deadLetter(record, e.getMessage()));
            }
        }
        if (!dead.isEmpty()) {
            Uni.join().all(dead).andFailFast().await().atMost(DEAD_LETTER_ACK_TIMEOUT);
        }
        readModel.applyAll(List.copyOf(latest.values()));
        return batch.ack();
    }

    private Uni<Void> deadLetter(KafkaRecord<String, String> record, String reason) {
        return deadLetters.sendMessage(DeadLetters.of(record, reason));
    }

    private static String[] key(String key) {
        String[] parts = key == null ? new String[0] : key.split("/", -1);
        if (parts.length != 2 || !ID.matcher(parts[0]).matches() || !ID.matcher(parts[1]).matches()) {
            throw new IllegalArgumentException("Not a tenantId/memberId key: " + key);
        }
        return parts;
    }

    /** The record, or an {@link IllegalArgumentException} saying why it cannot be used. */
    MemberProgress read(String json) {
        MemberProgress progress;
        try {
            progress = reader.readValue(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Unreadable member progress: " + e.getMessage(), e);
        }
        if (progress.schemaVersion() != 1) {
            throw new IllegalArgumentException("Unknown schemaVersion " + progress.schemaVersion());
        }
        if (progress.tenantId() == null || progress.memberId() == null || progress.computedAt() == null
                || progress.revision() < 1 || progress.pullPush() == null || progress.exercises() == null
                || progress.exercises().stream().anyMatch(e -> e == null || e.exerciseId() == null
                        || e.action() == null)) {
            throw new IllegalArgumentException("Incomplete member progress: " + json);
        }
        return progress;
    }
}
