package app.backbone.webhook.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import app.backbone.testsupport.TestTokens;
import app.backbone.webhook.Events;
import app.backbone.webhook.Receiver;
import app.backbone.webhook.Receiver.Answer;
import app.backbone.webhook.StandardWebhooks;
import app.backbone.webhook.domain.TargetGuard;
import app.backbone.webhook.messaging.WebhookTopics;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Deliveries to a real HTTP endpoint started here, from records published to the real topics: signed as Standard
 * Webhooks says (checked by {@link StandardWebhooks}, not the service's code), retried with the same id, in order
 * per member, disabled by a 410, and only to the event's own tenant.
 */
@QuarkusTest
class DeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static Receiver receiver;

    private record Subscribed(String id, String secret) {
    }

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = new Receiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    private static Subscribed subscribe(String tenant, String path, String... events) {
        var answer = given().auth().oauth2(TestTokens.token(tenant, "integration")).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(path), "events", List.of(events)))
                .when().post("/webhooks")
                .then().statusCode(201).extract();
        return new Subscribed(answer.path("id"), answer.path("secret"));
    }

    private static JsonNode deliveries(String tenant, String id) {
        String body = given().auth().oauth2(TestTokens.token(tenant, "admin"))
                .when().get("/webhooks/" + id + "/deliveries")
                .then().statusCode(200).extract().asString();
        return read(body);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertMatchesSchema(String type, JsonNode body) {
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Path.of("contracts/webhooks/" + type + ".schema.json").toUri());
        assertTrue(schema.validate(body).isEmpty(), () -> schema.validate(body).toString());
    }

    @Test
    void aRecordIsDeliveredSignedAndShapedAsDocumentedOnce() throws Exception {
        Subscribed webhook = subscribe("sig-gym", "sig", "record.achieved", "deload.recommended");
        UUID eventId = UUID.randomUUID();
        String record = Events.recordAchieved(eventId, "sig-gym", "m-1", "105");
        Events.publish(WebhookTopics.INSIGHTS, "sig-gym", "m-1", record);

        await().atMost(PATIENCE).until(() -> receiver.received("sig").size() == 1);
        Receiver.Received received = receiver.received("sig").get(0);
        assertTrue(StandardWebhooks.verify(webhook.secret(), received.id(), received.timestamp(), received.body(),
                received.signature()));
        assertFalse(StandardWebhooks.verify(webhook.secret(), received.id(), received.timestamp(),
                received.body().replace("105", "150"), received.signature()));
        JsonNode body = read(received.body());
        assertEquals("record.achieved", body.get("type").asText());
        assertEquals("2026-03-02T10:15:30Z", body.get("timestamp").asText());
        assertEquals(eventId.toString(), body.at("/data/eventId").asText());
        assertEquals("m-1", body.at("/data/memberId").asText());
        assertEquals(105, body.at("/data/record/newValue").asInt());
        assertFalse(body.get("data").has("tenantId"));
        assertMatchesSchema("record.achieved", body);

        Events.publish(WebhookTopics.INSIGHTS, "sig-gym", "m-1", record);
        Events.publish(WebhookTopics.INSIGHTS, "sig-gym", "m-1",
                Events.deloadRecommended(UUID.randomUUID(), "sig-gym", "m-1"));
        await().atMost(PATIENCE).until(() -> receiver.received("sig").size() >= 2);
        JsonNode second = read(receiver.received("sig").get(1).body());
        assertEquals("deload.recommended", second.get("type").asText(), "the record seen again is not sent again");
        assertMatchesSchema("deload.recommended", second);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode page = deliveries("sig-gym", webhook.id());
            assertEquals(2, page.get("total").asInt());
            JsonNode first = page.get("items").get(1);
            assertEquals(received.id(), first.get("id").asText());
            assertEquals("DELIVERED", first.get("status").asText());
            assertEquals(200, first.at("/attemptLog/0/statusCode").asInt());
            assertEquals("answered 200", first.at("/attemptLog/0/responseExcerpt").asText());
        });
    }

    @Test
    void a500AndATimeOutAreRetriedWithTheSameId() {
        receiver.script("retry", Answer.status(500), new Answer(200, Duration.ofSeconds(3)), Answer.status(200));
        Subscribed webhook = subscribe("retry-gym", "retry", "record.achieved");
        Events.publish(WebhookTopics.INSIGHTS, "retry-gym", "m-1",
                Events.recordAchieved(UUID.randomUUID(), "retry-gym", "m-1", "110"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode delivery = deliveries("retry-gym", webhook.id()).at("/items/0");
            assertEquals("DELIVERED", delivery.get("status").asText());
            assertEquals(3, delivery.get("attempts").asInt());
            assertEquals(500, delivery.at("/attemptLog/0/statusCode").asInt());
            assertTrue(delivery.at("/attemptLog/1/statusCode").isNull());
            assertTrue(delivery.at("/attemptLog/1/error").asText().contains("No answer"));
            assertEquals(200, delivery.at("/attemptLog/2/statusCode").asInt());
        });
        List<Receiver.Received> received = receiver.received("retry");
        assertEquals(3, received.size());
        assertEquals(Set.of(received.get(0).id()), received.stream().map(Receiver.Received::id)
                .collect(Collectors.toSet()));
        for (Receiver.Received attempt : received) {
            assertEquals(received.get(0).body(), attempt.body());
        }
    }

    @Test
    void onlyTheStartOfAnAnswerIsReadAndARedirectIsNotFollowed() {
        receiver.script("long", new Answer(200, Duration.ZERO, "x".repeat(1_000_000)));
        receiver.script("moved", Answer.status(307));
        Subscribed longer = subscribe("answer-gym", "long", "record.achieved");
        Subscribed moved = subscribe("answer-gym", "moved", "record.achieved");
        Events.publish(WebhookTopics.INSIGHTS, "answer-gym", "m-1",
                Events.recordAchieved(UUID.randomUUID(), "answer-gym", "m-1", "140"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode delivery = deliveries("answer-gym", longer.id()).at("/items/0");
            assertEquals("DELIVERED", delivery.get("status").asText());
            assertEquals("x".repeat(1024), delivery.at("/attemptLog/0/responseExcerpt").asText());
        });
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode delivery = deliveries("answer-gym", moved.id()).at("/items/0");
            assertEquals("DELIVERED", delivery.get("status").asText());
            assertEquals(307, delivery.at("/attemptLog/0/statusCode").asInt(), "a 3xx is not a 2xx: retried");
            assertEquals(200, delivery.at("/attemptLog/1/statusCode").asInt());
        });
        assertEquals(2, receiver.received("moved").size());
        assertEquals(List.of(), receiver.received("moved-moved"), "the redirect was not followed");
    }

    @Test
    void a410DisablesTheSubscription() {
        receiver.script("gone", Answer.status(410));
        Subscribed webhook = subscribe("gone-gym", "gone", "record.achieved");
        Events.publish(WebhookTopics.INSIGHTS, "gone-gym", "m-1",
                Events.recordAchieved(UUID.randomUUID(), "gone-gym", "m-1", "120"));

        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(TestTokens.token("gone-gym", "admin"))
                .when().get("/webhooks/" + webhook.id())
                .then().statusCode(200)
                .body("status", equalTo("DISABLED"))
                .body("disabledReason", containsString("410")));
        assertEquals("FAILED", deliveries("gone-gym", webhook.id()).at("/items/0/status").asText());
        given().auth().oauth2(TestTokens.token("gone-gym", "admin")).when().post("/webhooks/" + webhook.id() + "/test")
                .then().statusCode(409);
    }

    @Test
    void a410GivesUpTheSubscriptionsPendingDeliveriesToo() {
        receiver.script("gone-pending", new Answer(410, Duration.ofMillis(1500)));
        Subscribed webhook = subscribe("gone-pending-gym", "gone-pending", "record.achieved");
        String test = "/webhooks/" + webhook.id() + "/test";
        String first = given().auth().oauth2(TestTokens.token("gone-pending-gym", "admin")).when().post(test)
                .then().statusCode(202).extract().path("id");
        await().atMost(PATIENCE).until(() -> receiver.received("gone-pending").size() == 1);
        String waiting = given().auth().oauth2(TestTokens.token("gone-pending-gym", "admin")).when().post(test)
                .then().statusCode(202).extract().path("id");

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode items = deliveries("gone-pending-gym", webhook.id()).get("items");
            assertEquals(waiting, items.at("/0/id").asText());
            assertEquals("FAILED", items.at("/0/status").asText(), "given up unsent: nothing more is sent");
            assertEquals(0, items.at("/0/attempts").asInt());
            assertTrue(items.at("/0/nextAttemptAt").isNull());
            assertEquals(first, items.at("/1/id").asText());
            assertEquals("FAILED", items.at("/1/status").asText());
            assertEquals(410, items.at("/1/attemptLog/0/statusCode").asInt());
        });
        given().auth().oauth2(TestTokens.token("gone-pending-gym", "admin")).when().get("/webhooks/" + webhook.id())
                .then().statusCode(200).body("status", equalTo("DISABLED"));
        assertEquals(1, receiver.received("gone-pending").size());
    }

    @Test
    void oneMembersEventsArriveInOrderWhileOthersGoOn() {
        receiver.script("order", Answer.status(500), Answer.status(503), Answer.status(500));
        subscribe("order-gym", "order", "record.achieved");
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            UUID eventId = UUID.randomUUID();
            sent.add(eventId.toString());
            Events.publish(WebhookTopics.INSIGHTS, "order-gym", "m-1",
                    Events.recordAchieved(eventId, "order-gym", "m-1", String.valueOf(100 + i)));
        }
        UUID other = UUID.randomUUID();
        Events.publish(WebhookTopics.INSIGHTS, "order-gym", "m-2", Events.recordAchieved(other, "order-gym", "m-2",
                "90"));

        await().atMost(PATIENCE).until(() -> eventIds("order").containsAll(sent)
                && eventIds("order").contains(other.toString()));
        List<String> arrivals = receiver.received("order").stream()
                .map(request -> read(request.body()).at("/data/eventId").asText())
                .filter(sent::contains).toList();
        int[] positions = arrivals.stream().mapToInt(sent::indexOf).toArray();
        int[] sorted = positions.clone();
        Arrays.sort(sorted);
        assertEquals(Arrays.toString(sorted), Arrays.toString(positions), "m-1's events in the order published");
    }

    private static Set<String> eventIds(String path) {
        return receiver.received(path).stream().map(request -> read(request.body()).at("/data/eventId").asText())
                .collect(Collectors.toSet());
    }

    @Test
    void erasuresTestsAndRetriesAreDelivered() throws Exception {
        Subscribed webhook = subscribe("erase-gym", "erase", "member.erased");
        Events.publish(WebhookTopics.ERASED, "erase-gym", "m-9", Events.memberErased(UUID.randomUUID(), "erase-gym",
                "m-9"));
        await().atMost(PATIENCE).until(() -> receiver.received("erase").size() == 1);
        JsonNode erased = read(receiver.received("erase").get(0).body());
        assertEquals("member.erased", erased.get("type").asText());
        assertEquals("m-9", erased.at("/data/memberId").asText());
        assertMatchesSchema("member.erased", erased);

        String testId = given().auth().oauth2(TestTokens.token("erase-gym", "admin"))
                .when().post("/webhooks/" + webhook.id() + "/test")
                .then().statusCode(202).body("eventType", equalTo("webhook.test")).extract().path("id");
        await().atMost(PATIENCE).until(() -> receiver.received("erase").size() == 2);
        Receiver.Received test = receiver.received("erase").get(1);
        assertEquals(testId, test.id());
        assertTrue(StandardWebhooks.verify(webhook.secret(), test.id(), test.timestamp(), test.body(),
                test.signature()));

        await().atMost(PATIENCE).untilAsserted(() -> assertEquals("DELIVERED",
                deliveries("erase-gym", webhook.id()).at("/items/0/status").asText()));
        given().auth().oauth2(TestTokens.token("erase-gym", "admin"))
                .when().post("/webhooks/" + webhook.id() + "/deliveries/" + testId + "/retry")
                .then().statusCode(202).body("status", equalTo("PENDING"));
        await().atMost(PATIENCE).until(() -> receiver.received("erase").size() == 3);
        assertEquals(testId, receiver.received("erase").get(2).id());
    }

    /** Resolves the names, which no DNS knows, to 127.0.0.1 for this test, counting the look-ups. */
    private static AtomicInteger resolveToLoopback(String... names) {
        AtomicInteger lookups = new AtomicInteger();
        QuarkusMock.installMockForType((TargetGuard.Resolver) host -> {
            if (!List.of(names).contains(host)) {
                return TargetGuard.Resolver.SYSTEM.resolve(host);
            }
            lookups.incrementAndGet();
            return List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
        }, TargetGuard.Resolver.class);
        return lookups;
    }

    /** Subscribes the URL and makes a test delivery due; answers the subscription's and the delivery's ids. */
    private static List<String> subscribeAndTest(String tenant, String url) {
        String id = given().auth().oauth2(TestTokens.token(tenant, "integration")).contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of("record.achieved")))
                .when().post("/webhooks")
                .then().statusCode(201).extract().path("id");
        String testId = given().auth().oauth2(TestTokens.token(tenant, "admin"))
                .when().post("/webhooks/" + id + "/test")
                .then().statusCode(202).extract().path("id");
        return List.of(id, testId);
    }

    @Test
    void aDeliveryGoesToTheAddressCheckedNotToAnotherLookupOfTheName() {
        AtomicInteger lookups = resolveToLoopback("hooks.rebind.test");
        String testId = subscribeAndTest("rebind-gym", "http://hooks.rebind.test:" + receiver.port() + "/rebind")
                .get(1);

        await().atMost(PATIENCE).until(() -> receiver.received("rebind").size() == 1);
        Receiver.Received received = receiver.received("rebind").get(0);
        assertEquals(testId, received.id());
        assertEquals("hooks.rebind.test:" + receiver.port(), received.host(),
                "the name, which no DNS knows, is sent as the host; the connection went to the address checked");
        assertEquals(2, lookups.get(), "looked up when subscribing and before the attempt, by the guard only");
    }

    @Test
    void overHttpsTheNameIsSentAsSniAndTheCertificateVerifiedAgainstIt() throws Exception {
        resolveToLoopback("hooks.rebind.test", "other.rebind.test");
        try (Receiver tls = Receiver.https(Path.of("src/test/resources/tls/endpoint.p12"), "test-only")) {
            String testId = subscribeAndTest("tls-gym", "https://hooks.rebind.test:" + tls.port() + "/tls").get(1);
            await().atMost(PATIENCE).until(() -> tls.received("tls").size() == 1);
            assertEquals(testId, tls.received("tls").get(0).id());
            assertEquals("hooks.rebind.test:" + tls.port(), tls.received("tls").get(0).host());
            assertEquals(List.of("hooks.rebind.test"), tls.serverNames());

            String other = subscribeAndTest("tls-gym", "https://other.rebind.test:" + tls.port() + "/other").get(0);
            await().atMost(PATIENCE).untilAsserted(() -> assertThat("checked against the name, not 127.0.0.1",
                    deliveries("tls-gym", other).at("/items/0/attemptLog/0/error").asText(),
                    allOf(containsString("SSLHandshakeException"),
                            containsString("No subject alternative DNS name matching other.rebind.test"))));
            assertEquals(List.of(), tls.received("other"));
            given().auth().oauth2(TestTokens.token("tls-gym", "admin")).when().delete("/webhooks/" + other)
                    .then().statusCode(204);
        }
    }

    @Test
    void aRetryIsRefusedWhileTheDeliveryIsBeingAttempted() {
        receiver.script("inflight", new Answer(200, Duration.ofMillis(1500)));
        Subscribed webhook = subscribe("inflight-gym", "inflight", "record.achieved");
        String testId = given().auth().oauth2(TestTokens.token("inflight-gym", "admin"))
                .when().post("/webhooks/" + webhook.id() + "/test")
                .then().statusCode(202).extract().path("id");
        String retry = "/webhooks/" + webhook.id() + "/deliveries/" + testId + "/retry";

        await().atMost(PATIENCE).until(() -> receiver.received("inflight").size() == 1);
        given().auth().oauth2(TestTokens.token("inflight-gym", "admin"))
                .when().post(retry)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("is being attempted right now"));
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals("DELIVERED",
                deliveries("inflight-gym", webhook.id()).at("/items/0/status").asText()));
        assertEquals(1, receiver.received("inflight").size(), "the refused retry sent nothing");

        given().auth().oauth2(TestTokens.token("inflight-gym", "admin"))
                .when().post(retry)
                .then().statusCode(202).body("status", equalTo("PENDING"));
        await().atMost(PATIENCE).until(() -> receiver.received("inflight").size() == 2);
        assertEquals(testId, receiver.received("inflight").get(1).id());
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode delivery = deliveries("inflight-gym", webhook.id()).at("/items/0");
            assertEquals("DELIVERED", delivery.get("status").asText());
            assertEquals(2, delivery.get("attempts").asInt());
        });
    }

    @Test
    void aTenantsEventsReachOnlyItsOwnSubscriptions() {
        subscribe("own-gym-a", "own-a", "record.achieved");
        subscribe("own-gym-b", "own-b", "record.achieved");
        Events.publish(WebhookTopics.INSIGHTS, "own-gym-b", "m-1",
                Events.recordAchieved(UUID.randomUUID(), "own-gym-b", "m-1", "130"));
        Events.publish(WebhookTopics.INSIGHTS, "own-gym-a", "m-1",
                Events.recordAchieved(UUID.randomUUID(), "own-gym-a", "m-1", "131"));
        await().atMost(PATIENCE).until(() -> receiver.received("own-a").size() == 1
                && receiver.received("own-b").size() == 1);
        assertEquals(131, read(receiver.received("own-a").get(0).body()).at("/data/record/newValue").asInt());
        assertEquals(130, read(receiver.received("own-b").get(0).body()).at("/data/record/newValue").asInt());
    }
}
