package app.backbone.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for logging- or program-service on a random loopback port: answers from a routing function and keeps
 * every request it received, which it lists as JSON at {@code GET /_requests} ({@code DELETE} forgets them).
 */
public final class FakeService implements AutoCloseable {

    /** What a route answers: a status and a JSON document (null for none). */
    public record Answer(int status, Object body) {

        public static Answer ok(Object body) {
            return new Answer(200, body);
        }

        public static Answer problem(int status, String detail) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "https://backbone.app/problems/" + status);
            problem.put("title", status == 404 ? "Not Found" : "Error");
            problem.put("status", status);
            problem.put("detail", detail);
            return new Answer(status, problem);
        }
    }

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final HttpServer server;
    private final List<Map<String, String>> requests = new ArrayList<>();

    public FakeService(Function<URI, Answer> routes) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> handle(exchange, routes));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange, Function<URI, Answer> routes) throws IOException {
        URI uri = exchange.getRequestURI();
        Answer answer;
        if (uri.getPath().equals("/_requests")) {
            synchronized (requests) {
                if (exchange.getRequestMethod().equals("DELETE")) {
                    requests.clear();
                }
                answer = Answer.ok(List.copyOf(requests));
            }
        } else {
            Map<String, String> request = new LinkedHashMap<>();
            request.put("method", exchange.getRequestMethod());
            request.put("uri", uri.toString());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            request.put("authorization", authorization == null ? "" : authorization);
            synchronized (requests) {
                requests.add(request);
            }
            answer = exchange.getRequestMethod().equals("GET") ? routes.apply(uri)
                    : Answer.problem(405, "Only GET here");
        }
        byte[] body = answer.body() == null ? new byte[0] : JSON.writeValueAsBytes(answer.body());
        exchange.getResponseHeaders().set("Content-Type",
                answer.status() < 400 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        exchange.close();
    }

    /** The query's parameters, decoded (each name once). */
    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                params.put(java.net.URLDecoder.decode(name, StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
