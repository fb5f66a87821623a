package app.backbone.localstack.bench;

import static app.backbone.localstack.bench.BenchContext.JSON;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A chain's webhook endpoint on loopback for (g): notes each request's arrival time by the {@code data.eventId} of
 * its body in {@link WebhookArrivals} and answers {@code 204} at once; a body it cannot read counts as unexpected.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final String PATH = "/bench-webhooks";

    private final HttpServer server;
    private final ExecutorService handlers;

    /** Starts on a free loopback port, with {@code threads} requests handled at once. */
    WebhookReceiver(WebhookArrivals arrivals, int threads) throws IOException {
        handlers = Executors.newFixedThreadPool(threads);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext(PATH, exchange -> receive(exchange, arrivals));
        server.start();
    }

    /** The URL to subscribe. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    private static void receive(HttpExchange exchange, WebhookArrivals arrivals) throws IOException {
        long at = System.nanoTime();
        try (InputStream body = exchange.getRequestBody()) {
            arrivals.arrived(eventId(body.readAllBytes()), at);
            exchange.sendResponseHeaders(204, -1);
        } finally {
            exchange.close();
        }
    }

    private static String eventId(byte[] body) {
        try {
            JsonNode id = JSON.readTree(body).path("data").path("eventId");
            return id.isTextual() ? id.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
