package app.backbone.webhook.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import app.backbone.testsupport.TopicReader;
import app.backbone.webhook.Events;
import io.quarkus.test.junit.QuarkusTest;

/** A record that cannot be read is set aside, as it came and with why, and the records after it go on. */
@QuarkusTest
class DeadLetterTest {

    @Test
    void unreadableRecordsGoToTheDeadLetterTopics() {
        String marker = "not json " + UUID.randomUUID();
        Events.publish(WebhookTopics.INSIGHTS, "dlq-gym", "m-1", marker);
        String incomplete = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"schemaVersion\":1,\"tenantId\":\"dlq-gym\"}";
        Events.publish(WebhookTopics.ERASED, "dlq-gym", "m-1", incomplete);

        assertDeadLettered(WebhookTopics.INSIGHTS_DEAD_LETTERS, marker);
        assertDeadLettered(WebhookTopics.ERASED_DEAD_LETTERS, incomplete);
    }

    private static void assertDeadLettered(String topic, String value) {
        try (TopicReader reader = new TopicReader(topic)) {
            ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(30)).until(
                    () -> reader.poll().stream().filter(record -> value.equals(record.value())).findFirst()
                            .orElse(null), record -> record != null);
            assertEquals("dlq-gym/m-1", dead.key());
            assertFalse(new String(dead.headers().lastHeader("dead-letter-reason").value(),
                    StandardCharsets.UTF_8).isBlank());
        }
    }
}
