package app.backbone.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A chain's webhook endpoint, as the tests run it: an HTTP server on the loopback that keeps every request it gets
 * and answers what the test's policy says, after an optional delay (a slow endpoint).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it came, and what it was answered. */
    record Received(String webhookId, String timestamp, String signature, String body, JsonNode json, int answered,
            Instant at) {

        String eventId() {
            return json.at("/data/eventId").asText();
        }

        String memberId() {
            return json.at("/data/memberId").asText();
        }

        String type() {
            return json.get("type").asText();
        }

        boolean delivered() {
            return answered >= 200 && answered < 300;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final List<Received> received = new ArrayList<>();
    private volatile ToIntFunction<Received> policy = request -> 204;
    private volatile long delayMillis;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/hooks", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The URL to subscribe: plain http on the loopback, which the local stack allows. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** How each request is answered, from the request (its body parsed); 204 unless set. */
    WebhookReceiver answering(ToIntFunction<Received> policy) {
        this.policy = policy;
        return this;
    }

    /** Every request is answered only after this long. */
    WebhookReceiver delaying(long millis) {
        this.delayMillis = millis;
        return this;
    }

    /** Every request so far, in the order they came. */
    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Received request = new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, Api.JSON.readTree(body), 0,
                    Instant.now());
            int status = policy.applyAsInt(request);
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            synchronized (received) {
                received.add(new Received(request.webhookId(), request.timestamp(), request.signature(), body,
                        request.json(), status, request.at()));
            }
            exchange.sendResponseHeaders(status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The Standard Webhooks check, written here from the specification rather than taken from the service: the
     * secret is {@code whsec_} and base64 key bytes; the signature header holds space-separated {@code v1,<base64>}
     * entries, one of which must be the HMAC-SHA256 of {@code id.timestamp.body}; the timestamp must be within five
     * minutes of when the request came.
     */
    static boolean signedWith(String secret, Received request) {
        try {
            if (request.webhookId() == null || request.timestamp() == null || request.signature() == null
                    || Math.abs(Long.parseLong(request.timestamp()) - request.at().getEpochSecond()) > 300) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                    "HmacSHA256"));
            byte[] expected = mac.doFinal((request.webhookId() + "." + request.timestamp() + "." + request.body())
                    .getBytes(StandardCharsets.UTF_8));
            for (String entry : request.signature().split(" ")) {
                if (entry.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(entry.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
