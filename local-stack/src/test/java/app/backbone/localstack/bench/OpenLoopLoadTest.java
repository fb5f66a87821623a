package app.backbone.localstack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The open-loop load against a small local HTTP server; bounds only, never a timing that a slow machine breaks. */
class OpenLoopLoadTest {

    private static final SteadyRate RATE = new SteadyRate(100);
    private static final Duration WARM_UP = Duration.ofMillis(200);
    private static final Duration MEASURED = Duration.ofSeconds(1);
    private static final int MAX_CONNECTIONS = 4;
    private static final byte[] ANSWER = "{}".getBytes(StandardCharsets.UTF_8);

    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Object oneAtATime = new Object();
    private ExecutorService handlers;
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        handlers = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/fast", exchange -> answer(exchange, 200));
        server.createContext("/missing", exchange -> answer(exchange, 404));
        server.createContext("/serial", exchange -> {
            synchronized (oneAtATime) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer(exchange, 200);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private void answer(HttpExchange exchange, int status) throws IOException {
        clientPorts.add(exchange.getRemoteAddress().getPort());
        try (InputStream body = exchange.getRequestBody()) {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status, ANSWER.length);
            exchange.getResponseBody().write(ANSWER);
        } finally {
            exchange.close();
        }
    }

    private OpenLoopLoad.Result load(String path, String body, MeasuredPeriod period) throws Exception {
        return OpenLoopLoad.run(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path), "t0k", body,
                RATE, WARM_UP, MEASURED, MAX_CONNECTIONS, period);
    }

    @Test
    void everyRequestOfTheMeasuredPeriodIsSentOnScheduleAndRecorded() throws Exception {
        List<String> told = new CopyOnWriteArrayList<>();
        OpenLoopLoad.Result result = load("/fast", "{\"goal\":\"é\"}", new MeasuredPeriod() {
            @Override
            public void began() {
                told.add("began");
            }

            @Override
            public void ended() {
                told.add("ended");
            }
        });
        assertEquals(RATE.count(MEASURED), result.micros().getTotalCount(), result.summary());
        assertEquals(0, result.failures());
        assertEquals(List.of("began", "ended"), told);
        assertTrue(result.connections() >= 1 && result.connections() <= MAX_CONNECTIONS, result.summary());
        assertTrue(clientPorts.size() <= MAX_CONNECTIONS, clientPorts.size() + " connections");
        assertEquals(Set.of("POST /fast Bearer t0k {\"goal\":\"é\"}"), seen);
        assertTrue(result.summary().startsWith("/fast: 100/s open loop, 100 answers in 1.0 s, 0 failures"),
                result.summary());
    }

    @Test
    void latencyCountsFromWhenARequestWasDueSoAServerFallingBehindShowsInIt() throws Exception {
        // The server answers one request at a time, 20 ms each: half the rate. Request k (of 120, the warm-up's
        // included) is due 10k ms after the start and cannot be answered before 20(k + 1) ms, so the last one waits
        // at least 1.2 s; timed from when it was sent, it would look like 20 ms.
        OpenLoopLoad.Result result = load("/serial", null, MeasuredPeriod.NONE);
        assertEquals(RATE.count(MEASURED), result.micros().getTotalCount(), result.summary());
        assertEquals(0, result.failures());
        assertTrue(result.millis(100) >= 1_200, result.summary());
        assertTrue(result.millis(50) >= 500, result.summary());
        assertEquals(MAX_CONNECTIONS, result.connections(), result.summary());
    }

    @Test
    void answersOtherThan2xxAreFailuresWithoutLatencies() throws Exception {
        OpenLoopLoad.Result result = load("/missing", null, MeasuredPeriod.NONE);
        assertEquals(0, result.micros().getTotalCount());
        assertEquals(RATE.count(MEASURED), result.failures());
        assertTrue(Double.isNaN(result.millis(99)));
    }
}
