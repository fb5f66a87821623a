package app.backbone.localstack.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A small HTTP server on loopback for the load generators' tests (JDK {@code HttpServer}, a thread per request):
 * remembers the client ports that connected and, once each, what the requests carried.
 */
final class LoopbackServer implements AutoCloseable {

    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final HttpServer server;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
    }

    /** Answers requests under {@code path} with the handler; call before {@link #start}. */
    LoopbackServer on(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    LoopbackServer start() {
        server.start();
        return this;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    /** The client ports of the connections so far. */
    Set<Integer> clientPorts() {
        return clientPorts;
    }

    /** Each distinct request so far as "method URI authorization content-type body". */
    Set<String> seen() {
        return seen;
    }

    /**
     * Notes the request, reads its body, waits {@code delay}, then answers {@code answer} with the status and
     * length given (0: chunked) and closes the exchange.
     */
    void answer(HttpExchange exchange, int status, long length, byte[] answer, Duration delay) throws IOException {
        clientPorts.add(exchange.getRemoteAddress().getPort());
        try (InputStream body = exchange.getRequestBody()) {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            Thread.sleep(delay.toMillis());
            exchange.sendResponseHeaders(status, length);
            exchange.getResponseBody().write(answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
