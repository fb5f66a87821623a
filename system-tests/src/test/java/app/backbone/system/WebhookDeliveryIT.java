package app.backbone.system;

import static app.backbone.system.CompletedSession.SetDone.work;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import app.backbone.system.CompletedSession.Entry;
import app.backbone.system.WebhookReceiver.Received;

/**
 * webhook-service delivering to an endpoint the test runs. A record beaten in a live session and a member's erasure
 * reach the chain signed (checked by an independent implementation of the Standard Webhooks check) and as their JSON
 * Schemas say. Insights keep coming while webhook-service is killed mid-delivery (one request's answer held back
 * until it is dead) and while the broker restarts, the endpoint slow and failing some first attempts: every insight is
 * delivered, with one {@code webhook-id} on every attempt, each member's in the order they were published.
 */
@SystemTest
class WebhookDeliveryIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(90);
    /** Covers webhook-service's lease on a send cut off by a kill (connect + request time-out + 30 s). */
    private static final Duration RECOVERY = Duration.ofSeconds(180);
    private static final Path SCHEMAS = Path.of("").toAbsolutePath().getParent()
            .resolve("webhook-service/contracts/webhooks");
    private static final List<String> ALL_TYPES = List.of("record.achieved", "deload.recommended", "member.erased");
    private static final int MEMBERS = 8;
    private static final int PER_MEMBER_AND_BATCH = 6;
    /** The insight whose delivery is in flight, its answer held back, when webhook-service is killed. */
    private static final String HELD_SESSION = "insight-member-0-session-1";

    private final SystemStack stack;

    WebhookDeliveryIT(SystemStack stack) {
        this.stack = stack;
    }

    @Test
    void aRecordAndAnErasureReachTheChainSignedAndAsTheirSchemasSay() throws Exception {
        Tenant tenant = Tenant.create(stack, "webhooks");
        String member = "hooked-member";
        try (WebhookReceiver receiver = new WebhookReceiver();
                SessionPublisher publisher = new SessionPublisher(stack.kafka(), tenant.id())) {
            JsonNode subscription = subscribe(tenant, receiver.url());
            String secret = subscription.get("secret").asText();
            String subscriptionId = subscription.get("id").asText();

            JsonNode test = stack.api().post(webhooks("/webhooks/" + subscriptionId + "/test"))
                    .token(tenant.adminToken()).send().expect(202).json();
            Received ping = await().atMost(PROPAGATION).until(() -> first(receiver, "webhook.test"), r -> r != null);
            assertEquals(test.get("id").asText(), ping.webhookId());
            assertTrue(WebhookReceiver.signedWith(secret, ping), ping::toString);

            Instant monday = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(7, ChronoUnit.DAYS);
            publisher.send(member, publisher.event(session(member, "hooked-1", monday, "60")));
            await().atMost(PROPAGATION).until(() -> tenant.sessionCount(member) == 1);
            publisher.send(member, publisher.event(session(member, "hooked-2", monday.plus(2, ChronoUnit.DAYS),
                    "70")));
            publisher.awaitAcks();
            Received heaviest = await().atMost(PROPAGATION).until(() -> receiver.received().stream()
                    .filter(r -> r.type().equals("record.achieved")
                            && r.json().at("/data/record/kind").asText().equals("HEAVIEST_LOAD"))
                    .findFirst().orElse(null), r -> r != null);
            assertEquals(member, heaviest.memberId());
            assertEquals("hooked-2", heaviest.json().at("/data/sessionId").asText());
            assertEquals(0, heaviest.json().at("/data/record/previousValue").decimalValue()
                    .compareTo(new BigDecimal("60")));
            assertEquals(0, heaviest.json().at("/data/record/newValue").decimalValue()
                    .compareTo(new BigDecimal("70")));

            String erasureId = stack.api().delete(stack.url(SystemStack.LOGGING) + "/members/" + member)
                    .token(tenant.adminToken()).send().expect(202).json().get("erasureId").asText();
            Received erased = await().atMost(PROPAGATION).until(() -> first(receiver, "member.erased"),
                    r -> r != null);
            assertEquals(erasureId, erased.json().at("/data/erasureId").asText());
            assertEquals(member, erased.memberId());

            for (Received request : receiver.received()) {
                assertTrue(WebhookReceiver.signedWith(secret, request), request::toString);
                assertFalse(request.body().contains(tenant.id()), "a body names no tenant: " + request.body());
                if (!request.type().equals("webhook.test")) {
                    assertEquals(Set.of(), schema(request.type()).validate(request.json()), request::toString);
                }
            }
            Set<String> sent = receiver.received().stream().map(Received::webhookId).collect(Collectors.toSet());
            JsonNode deliveries = await().atMost(PROPAGATION).until(() -> stack.api()
                    .get(webhooks("/webhooks/" + subscriptionId + "/deliveries?size=100")).token(tenant.adminToken())
                    .send().expect(200).json(), page -> page.get("total").asInt() == sent.size()
                    && page.findValuesAsText("status").stream().allMatch("DELIVERED"::equals));
            for (JsonNode delivery : deliveries.get("items")) {
                assertTrue(sent.contains(delivery.get("id").asText()), delivery::toString);
                assertEquals(204, delivery.at("/attemptLog/0/statusCode").asInt(), delivery::toString);
            }
        }
    }

    @Test
    void everyInsightIsDeliveredInOrderAcrossAKilledServiceAndABrokerRestart() throws Exception {
        Tenant tenant = Tenant.create(stack, "webhook-restarts");
        Map<String, List<String>> published = new TreeMap<>();
        Set<String> failFirst = ConcurrentHashMap.newKeySet();
        Set<String> failed = ConcurrentHashMap.newKeySet();
        try (WebhookReceiver receiver = new WebhookReceiver();
                SessionPublisher publisher = new SessionPublisher(stack.kafka(), tenant.id())) {
            CountDownLatch heldArrived = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            receiver.delaying(100).answering(request -> {
                if (request.json().at("/data/sessionId").asText().equals(HELD_SESSION)
                        && heldArrived.getCount() > 0) {
                    heldArrived.countDown();
                    awaitQuietly(release);
                }
                return failFirst.contains(request.eventId()) && failed.add(request.eventId()) ? 500 : 204;
            });
            String secret = subscribe(tenant, receiver.url()).get("secret").asText();

            publishBatch(publisher, tenant, published, failFirst);
            assertTrue(heldArrived.await(PROPAGATION.toSeconds(), TimeUnit.SECONDS), "the held delivery came");
            stack.control().killService(SystemStack.WEBHOOK);
            release.countDown();
            String held = published.get("insight-member-0").get(1);
            int beforeKill = delivered(receiver).size();
            publishBatch(publisher, tenant, published, failFirst);
            publisher.awaitAcks();
            stack.control().restartService(SystemStack.WEBHOOK);
            System.out.printf("webhook-service killed after %d of %d insights delivered, and started again%n",
                    beforeKill, count(published));

            await().atMost(RECOVERY).until(() -> delivered(receiver).size() >= beforeKill + PER_MEMBER_AND_BATCH);
            stack.control().stopKafka();
            int duringBrokerStop = delivered(receiver).size();
            stack.control().startKafka();
            publishBatch(publisher, tenant, published, failFirst);
            publisher.awaitAcks();
            System.out.printf("broker stopped after %d insights delivered, and started again%n", duringBrokerStop);

            int expected = count(published);
            await().atMost(RECOVERY).until(() -> delivered(receiver).size() == expected);
            List<Received> requests = receiver.received();
            Map<String, String> idOfEvent = new LinkedHashMap<>();
            for (Received request : requests) {
                assertTrue(WebhookReceiver.signedWith(secret, request), request::toString);
                String known = idOfEvent.putIfAbsent(request.eventId(), request.webhookId());
                assertEquals(known == null ? request.webhookId() : known, request.webhookId(),
                        "every attempt of an insight carries one webhook-id");
            }
            assertEquals(failFirst, failed, "each endpoint failure was answered to a first attempt");
            assertTrue(requests.stream().filter(r -> r.eventId().equals(held)).count() >= 2,
                    "the delivery in flight when webhook-service was killed is sent again");
            for (String eventId : failFirst) {
                assertTrue(requests.stream().filter(r -> r.eventId().equals(eventId)).count() >= 2,
                        "an insight answered 500 is sent again: " + eventId);
            }
            Map<String, List<String>> firstDeliveries = new TreeMap<>();
            for (String eventId : delivered(receiver)) {
                Received first = requests.stream().filter(r -> r.eventId().equals(eventId) && r.delivered())
                        .findFirst().orElseThrow();
                firstDeliveries.computeIfAbsent(first.memberId(), m -> new ArrayList<>()).add(eventId);
            }
            assertEquals(published, firstDeliveries, "each member's insights arrive in the order published");
            System.out.printf("%d insights delivered in %d requests (%d answered 500 once)%n", expected,
                    requests.size(), failFirst.size());
        }
    }

    /** Publishes a batch of insights as logging-service would: each member's in order, every third a deload. */
    private static void publishBatch(SessionPublisher publisher, Tenant tenant, Map<String, List<String>> published,
            Set<String> failFirst) throws JsonProcessingException {
        for (int i = 0; i < PER_MEMBER_AND_BATCH; i++) {
            for (int m = 0; m < MEMBERS; m++) {
                String member = "insight-member-" + m;
                List<String> sent = published.computeIfAbsent(member, k -> new ArrayList<>());
                UUID eventId = UUID.randomUUID();
                if (sent.size() % 7 == 3) {
                    failFirst.add(eventId.toString());
                }
                publisher.send(Topics.INSIGHTS, tenant.id() + "/" + member,
                        Api.JSON.writeValueAsString(insight(eventId, tenant.id(), member, sent.size())));
                sent.add(eventId.toString());
            }
        }
    }

    private static Map<String, Object> insight(UUID eventId, String tenant, String member, int sequence) {
        Map<String, Object> insight = new LinkedHashMap<>();
        insight.put("eventId", eventId.toString());
        insight.put("schemaVersion", 1);
        insight.put("occurredAt", Instant.now().toString());
        insight.put("tenantId", tenant);
        insight.put("memberId", member);
        insight.put("exerciseId", "romanian-deadlift");
        insight.put("sessionId", member + "-session-" + sequence);
        insight.put("completedAt", Instant.now().toString());
        if (sequence % 3 == 2) {
            insight.put("type", "DELOAD_RECOMMENDED");
            insight.put("recommendation", Map.of("action", "DELOAD", "nextLoadKg", 90, "reason",
                    "Missed the rep range twice running"));
        } else {
            insight.put("type", "RECORD_ACHIEVED");
            insight.put("record", Map.of("kind", "HEAVIEST_LOAD", "previousValue", 100 + sequence, "newValue",
                    101 + sequence, "unit", "kg"));
        }
        return insight;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(RECOVERY.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JsonNode subscribe(Tenant tenant, String url) {
        return stack.api().post(webhooks("/webhooks")).token(stack.token(tenant.id(), "integration"))
                .json(Map.of("url", url, "events", ALL_TYPES, "description", "the chain's member app"))
                .send().expect(201).json();
    }

    /** The event ids answered 2xx at least once, in the order of their first such answer. */
    private static Set<String> delivered(WebhookReceiver receiver) {
        Set<String> delivered = new LinkedHashSet<>();
        receiver.received().stream().filter(Received::delivered).forEach(r -> delivered.add(r.eventId()));
        return delivered;
    }

    private static Received first(WebhookReceiver receiver, String type) {
        return receiver.received().stream().filter(r -> r.type().equals(type)).findFirst().orElse(null);
    }

    private static int count(Map<String, List<String>> published) {
        return published.values().stream().mapToInt(List::size).sum();
    }

    private static JsonSchema schema(String type) throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(SCHEMAS.resolve(type + ".schema.json")));
    }

    private static CompletedSession session(String member, String sessionId, Instant completedAt, String loadKg) {
        return new CompletedSession(member, sessionId, completedAt,
                List.of(new Entry("romanian-deadlift", null, List.of(work(8, loadKg, 2), work(8, loadKg, 2)))));
    }

    private String webhooks(String path) {
        return stack.url(SystemStack.WEBHOOK) + path;
    }
}
