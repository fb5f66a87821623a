package app.backbone.program.messaging;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import app.backbone.program.service.ProgressReadModel;

/**
 * Learns members' progress from {@value ProgressTopics#MEMBER_PROGRESS} into the local read model, never from
 * logging-service's database. A record that cannot be read, or whose key does not name its tenant and member,
 * fails here and goes to the channel's dead-letter topic; a tombstone forgets the member.
 */
@ApplicationScoped
public class ProgressConsumer {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final ObjectReader reader;
    private final ProgressReadModel readModel;

    public ProgressConsumer(ObjectMapper mapper, ProgressReadModel readModel) {
        this.reader = mapper.readerFor(MemberProgress.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.readModel = readModel;
    }

    @Incoming(ProgressTopics.MEMBER_PROGRESS)
    public void onProgress(ConsumerRecord<String, String> record) {
        String[] key = key(record.key());
        if (record.value() == null) {
            readModel.forget(key[0], key[1]);
            return;
        }
        MemberProgress progress = read(record.value());
        if (!progress.tenantId().equals(key[0]) || !progress.memberId().equals(key[1])) {
            throw new IllegalArgumentException("The key " + record.key() + " does not name the record's member "
                    + progress.tenantId() + "/" + progress.memberId());
        }
        readModel.apply(progress, record.value());
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
