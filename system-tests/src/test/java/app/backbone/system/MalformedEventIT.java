package app.backbone.system;

import static app.backbone.system.CompletedSession.SetDone.work;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;

import app.backbone.system.CompletedSession.Entry;
import app.backbone.system.CompletedSession.Prescription;

/**
 * A chain's system publishes broken completed-session events among valid ones for the same member (so on the same
 * partition): each broken one goes to {@code training.sessions.completed.dlq} with its reason, and none stops or
 * changes the ingest of the valid ones around it.
 */
@SystemTest
class MalformedEventIT {

    private static final String DEAD_LETTERS = "training.sessions.completed.dlq";
    private static final Duration INGEST = Duration.ofSeconds(60);

    private final SystemStack stack;
    private final Tenant tenant;
    private final String member = "member-" + UUID.randomUUID().toString().substring(0, 8);

    MalformedEventIT(SystemStack stack) {
        this.stack = stack;
        this.tenant = Tenant.create(stack, "events");
    }

    @Test
    void brokenEventsGoToTheDeadLetterTopicAndTheStreamGoesOn() throws Exception {
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("not JSON", "{\"eventId\": ");
        broken.put("negative reps", event("bad-1", e -> set(e).put("reps", -1)));
        broken.put("a 2,000 kg load", event("bad-2", e -> set(e).put("loadKg", 2000)));
        broken.put("no sets", event("bad-3", e -> exercise(e).put("sets", List.of())));
        broken.put("an event id that is no UUID", event("bad-4", e -> e.put("eventId", "not-a-uuid")));
        broken.put("a completion date PostgreSQL cannot store", event("bad-5",
                e -> e.put("completedAt", "+300000-01-01T00:00:00Z")));
        broken.put("a rep range that ends below its start", event("bad-6",
                e -> exercise(e).put("prescription", new Prescription(3, 12, 8))));

        try (SessionPublisher publisher = new SessionPublisher(stack.kafka(), tenant.id())) {
            publisher.send(member, event("good-1", e -> { }));
            broken.values().forEach(value -> publisher.send(member, value));
            publisher.send(member, event("good-1", e -> set(e).put("reps", 99)));
            publisher.send(member, event("good-2", e -> { }));
            publisher.awaitAcks();
        }

        await().atMost(INGEST).until(() -> tenant.sessionCount(member) >= 2);
        assertEquals(List.of("good-2", "good-1"), tenant.sessionIds(member), "the valid sessions, each once");
        assertEquals(5, tenant.progression(member, "romanian-deadlift").expect(200).json()
                .at("/series/0/fewestReps").asInt(), "a repeated session id changes nothing");
        await().atMost(INGEST).untilAsserted(() -> assertEquals(broken.size(), deadLetters().size(),
                () -> "dead letters: " + deadLetters()));
        for (ConsumerRecord<String, String> letter : deadLetters()) {
            assertTrue(broken.containsValue(letter.value()), () -> "unchanged on the dead-letter topic: " + letter);
            Header reason = letter.headers().lastHeader("dead-letter-reason");
            assertTrue(reason != null && reason.value().length > 0, () -> "a reason for " + letter.value());
        }
        stack.api().get(stack.url(SystemStack.LOGGING) + "/q/health/ready").send().expect(200);
    }

    private List<ConsumerRecord<String, String>> deadLetters() {
        return Topics.readAll(stack.kafka(), DEAD_LETTERS).stream().filter(r -> member.equals(r.key())).toList();
    }

    /** A valid event of one session, changed by the edit. */
    private String event(String sessionId, Consumer<Map<String, Object>> edit) throws JsonProcessingException {
        CompletedSession session = new CompletedSession(member, sessionId, Instant.now().minus(1, ChronoUnit.DAYS),
                List.of(new Entry("romanian-deadlift", new Prescription(3, 8, 10),
                        List.of(work(5, "100", 2), work(6, "100", 1)))));
        Map<String, Object> event = Api.JSON.convertValue(session.event(UUID.randomUUID(), tenant.id(), null),
                Api.JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
        edit.accept(event);
        return new String(Api.JSON.writeValueAsBytes(event), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> exercise(Map<String, Object> event) {
        return ((List<Map<String, Object>>) event.get("exercises")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> set(Map<String, Object> event) {
        return ((List<Map<String, Object>>) exercise(event).get("sets")).get(0);
    }
}
