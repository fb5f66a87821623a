package app.backbone.webhook.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import app.backbone.testsupport.TestTokens;
import app.backbone.webhook.Events;
import app.backbone.webhook.Receiver;
import app.backbone.webhook.Receiver.Answer;
import app.backbone.webhook.messaging.WebhookTopics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The lanes that due deliveries are taken from stay true to the deliveries, in every committed state: while an
 * endpoint fails and a member's events queue up behind the one being retried, each member's lane points at its oldest
 * pending delivery, and once everything is delivered no lane is left.
 */
@QuarkusTest
class DeliveryLanesTest {

    private static final String TENANT = "lanes-gym";
    /**
     * Lanes that disagree with the pending deliveries: a lane whose head is not its member's oldest pending delivery,
     * or with no pending delivery at all, and pending deliveries whose member has no lane.
     */
    private static final String DISAGREEING = "WITH heads AS ("
            + " SELECT DISTINCT ON (subscription_id, coalesce(member_key, '')) subscription_id,"
            + "  coalesce(member_key, '') AS member_key, id FROM webhook_delivery"
            + " WHERE status = 'PENDING' AND subscription_id = ?"
            + " ORDER BY subscription_id, coalesce(member_key, ''), seq) "
            + "SELECT coalesce(l.member_key, h.member_key) || ': lane ' || coalesce(l.head_id::text, 'none')"
            + " || ', oldest pending ' || coalesce(h.id::text, 'none') FROM webhook_lane l"
            + " FULL JOIN heads h ON h.subscription_id = l.subscription_id AND h.member_key = l.member_key"
            + " WHERE coalesce(l.subscription_id, h.subscription_id) = ?"
            + " AND (l.head_id IS DISTINCT FROM h.id OR l.due_at IS NULL)";

    private static Receiver receiver;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = new Receiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void eachLaneHoldsItsMembersOldestPendingDeliveryUntilAllAreDelivered() throws SQLException {
        receiver.script("lanes", Answer.status(500), Answer.status(500), Answer.status(503), Answer.status(500));
        String subscription = given().auth().oauth2(TestTokens.token(TENANT, "integration"))
                .contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("lanes"), "events", List.of("record.achieved")))
                .when().post("/webhooks")
                .then().statusCode(201).extract().path("id");
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String member = "m-" + (i % 3);
            UUID eventId = UUID.randomUUID();
            published.add(eventId.toString());
            Events.publish(WebhookTopics.INSIGHTS, TENANT, member,
                    Events.recordAchieved(eventId, TENANT, member, String.valueOf(100 + i)));
        }
        given().auth().oauth2(TestTokens.token(TENANT, "admin"))
                .when().post("/webhooks/" + subscription + "/test")
                .then().statusCode(202);

        UUID id = UUID.fromString(subscription);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            assertEquals(List.of(), disagreeing(id));
            assertEquals(0, count("SELECT count(*) FROM webhook_delivery WHERE subscription_id = ? AND status <> "
                    + "'DELIVERED'", id));
        });
        assertEquals(0, count("SELECT count(*) FROM webhook_lane WHERE subscription_id = ?", id));
        assertEquals(published.size() + 1, receiver.received("lanes").stream().map(Receiver.Received::id)
                .distinct().count());
    }

    private List<String> disagreeing(UUID subscription) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(DISAGREEING)) {
            query.setObject(1, subscription);
            query.setObject(2, subscription);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        }
    }

    private long count(String sql, UUID subscription) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, subscription);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
