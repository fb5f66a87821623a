package app.backbone.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A chain's endpoint, started by a test on 127.0.0.1: it keeps every request it is sent, per path, and answers each
 * path with the answers scripted for it, in turn (a delay before answering to time out the sender), then 200.
 */
public final class Receiver implements AutoCloseable {

    /** A request as it came. */
    public record Received(Instant at, String id, String timestamp, String signature, String body) {
    }

    /** A scripted answer: a status after a delay. */
    public record Answer(int status, Duration delay) {

        public static Answer status(int status) {
            return new Answer(status, Duration.ZERO);
        }
    }

    private final HttpServer server;
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, Deque<Answer>> script = new ConcurrentHashMap<>();

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** The URL of a path on this receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    /** Answers the next requests to the path as given, in turn. */
    public void script(String path, Answer... answers) {
        script.put("/" + path, new ArrayDeque<>(List.of(answers)));
    }

    /** The requests sent to the path so far, in arrival order. */
    public List<Received> received(String path) {
        List<Received> list = received.get("/" + path);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getPath();
        Received request = new Received(Instant.now(), exchange.getRequestHeaders().getFirst("webhook-id"),
                exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"), body);
        List<Received> list = received.computeIfAbsent(path, p -> new ArrayList<>());
        synchronized (list) {
            list.add(request);
        }
        Deque<Answer> answers = script.get(path);
        Answer answer = answers == null ? null : answers.pollFirst();
        answer = answer == null ? Answer.status(200) : answer;
        if (!answer.delay().isZero()) {
            try {
                Thread.sleep(answer.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] reply = ("answered " + answer.status()).getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(answer.status(), reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        } catch (IOException e) {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
