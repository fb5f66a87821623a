package app.backbone.localstack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {

    private final WebhookArrivals arrivals = new WebhookArrivals();
    private final HttpClient http = HttpClient.newHttpClient();
    private WebhookReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver(arrivals, 2);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void notesEachDeliveryByTheEventIdOfItsDataAndAnswers204() throws Exception {
        arrivals.published("e-1", System.nanoTime(), true);
        String body = "{\"type\":\"record.achieved\",\"timestamp\":\"2026-03-02T10:15:30Z\",\"data\":{\"eventId\":"
                + "\"e-1\",\"memberId\":\"m-1\"}}";
        assertEquals(204, post(body));
        assertEquals(204, post(body));
        assertEquals(0, arrivals.waiting());
        assertEquals(1, arrivals.micros().getTotalCount());
        assertEquals(1, arrivals.duplicates());
    }

    @Test
    void aBodyWithoutAnEventIdCountsAsUnexpected() throws Exception {
        assertEquals(204, post("{\"type\":\"webhook.test\",\"data\":{\"message\":\"hi\"}}"));
        assertEquals(204, post("not json"));
        assertEquals(2, arrivals.unexpected());
    }

    private int post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(receiver.url()))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
