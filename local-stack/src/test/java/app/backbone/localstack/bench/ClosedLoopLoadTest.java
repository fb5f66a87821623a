package app.backbone.localstack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;

/** The load against a small local HTTP server that sees what is sent and answers as each path says. */
class ClosedLoopLoadTest {

    private static final Duration WARM_UP = Duration.ofMillis(200);
    private static final Duration MEASURED = Duration.ofMillis(800);
    private static final int CLIENTS = 4;
    private static final byte[] ANSWER = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong flaky = new AtomicLong();
    private LoopbackServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new LoopbackServer()
                .on("/slow", exchange -> answer(exchange, 200, ANSWER.length, Duration.ofMillis(5)))
                .on("/chunked", exchange -> answer(exchange, 200, 0, Duration.ZERO))
                .on("/closing", exchange -> {
                    exchange.getResponseHeaders().set("Connection", "close");
                    answer(exchange, 200, ANSWER.length, Duration.ZERO);
                })
                .on("/flaky", exchange -> answer(exchange, flaky.getAndIncrement() % 2 == 0 ? 200 : 503,
                        ANSWER.length, Duration.ZERO))
                .on("/missing", exchange -> answer(exchange, 404, ANSWER.length, Duration.ZERO))
                .start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private void answer(HttpExchange exchange, int status, long length, Duration delay) throws IOException {
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        requests.incrementAndGet();
        try {
            server.answer(exchange, status, length, ANSWER, delay);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private ClosedLoopLoad.Result load(String pathAndQuery, String body) throws Exception {
        return ClosedLoopLoad.run(server.uri(pathAndQuery), "t0k", body, CLIENTS, WARM_UP, MEASURED);
    }

    @Test
    void eachClientKeepsOneConnectionWithOneRequestInFlightAndItsLatenciesAreRecorded() throws Exception {
        ClosedLoopLoad.Result result = load("/slow?muscle=LATS", null);
        assertEquals(0, result.failures());
        assertEquals(CLIENTS, server.clientPorts().size(), "connections");
        assertEquals(CLIENTS, mostInFlight.get(), "requests in flight at most");
        long answers = result.micros().getTotalCount();
        assertTrue(answers > 0 && answers < requests.get(), answers + " answers of " + requests + " requests");
        assertTrue(result.millis(50) >= 5 && result.millis(100) >= result.millis(99), result.summary());
        assertEquals(answers / 0.8, result.requestsPerSecond(), 1e-6);
        assertEquals(Set.of("GET /slow?muscle=LATS Bearer t0k null "), server.seen());
        assertTrue(result.summary().startsWith("/slow?muscle=LATS: 4 clients, "), result.summary());
    }

    @Test
    void postsTheJsonBody() throws Exception {
        ClosedLoopLoad.Result result = load("/slow", "{\"goal\":\"é\"}");
        assertEquals(0, result.failures());
        assertTrue(result.micros().getTotalCount() > 0);
        assertEquals(Set.of("POST /slow Bearer t0k application/json {\"goal\":\"é\"}"), server.seen());
    }

    @Test
    void readsChunkedAnswersAndOpensANewConnectionWhenTheServerClosesOne() throws Exception {
        assertEquals(0, load("/chunked", null).failures());
        assertEquals(CLIENTS, server.clientPorts().size());
        ClosedLoopLoad.Result closing = load("/closing", null);
        assertEquals(0, closing.failures());
        assertTrue(closing.micros().getTotalCount() > 0);
        assertTrue(server.clientPorts().size() > 2 * CLIENTS, server.clientPorts().size() + " connections");
    }

    @Test
    void answersOtherThan2xxAreFailuresWithoutLatencies() throws Exception {
        ClosedLoopLoad.Result missing = load("/missing", null);
        assertEquals(0, missing.micros().getTotalCount());
        assertTrue(missing.failures() > 0);
        assertTrue(Double.isNaN(missing.millis(50)));
        ClosedLoopLoad.Result flaky = load("/flaky", null);
        long answers = flaky.micros().getTotalCount();
        assertTrue(answers > 0 && flaky.failures() > 0, flaky.summary());
        assertTrue(Math.abs(answers - flaky.failures()) <= 2 * CLIENTS, flaky.summary());
    }
}
