package app.backbone.common.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Dead letters of consumers that sort a batch themselves: the record as it came (an absent value as empty text),
 * under its key, with the headers SmallRye's dead-letter strategy writes: {@value #REASON_HEADER},
 * {@code dead-letter-topic}, {@code dead-letter-partition} and {@code dead-letter-offset}.
 */
public final class DeadLetters {

    /** Header with why a record was set aside. */
    public static final String REASON_HEADER = "dead-letter-reason";

    private DeadLetters() {
    }

    /** The message to send to the dead-letter topic for this record. */
    public static Message<String> of(KafkaRecord<String, String> record, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, String.valueOf(reason).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.getTopic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", String.valueOf(record.getPartition()).getBytes(StandardCharsets.UTF_8));
        record.getMetadata(IncomingKafkaRecordMetadata.class).ifPresent(incoming -> headers.add(
                "dead-letter-offset", String.valueOf(incoming.getOffset()).getBytes(StandardCharsets.UTF_8)));
        String payload = record.getPayload() == null ? "" : record.getPayload();
        return Message.of(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.getKey()).withHeaders(headers).build());
    }
}
