package app.backbone.localstack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The open-loop load against a small local HTTP server; bounds only, never a timing that a slow machine breaks. */
class OpenLoopLoadTest {

    private static final SteadyRate RATE = new SteadyRate(100);
    private static final Duration WARM_UP = Duration.ofMillis(200);
    private static final Duration MEASURED = Duration.ofSeconds(1);
    private static final int MAX_CONNECTIONS = 4;
    private static final byte[] ANSWER = "{}".getBytes(StandardCharsets.UTF_8);

    private final Object oneAtATime = new Object();
    private LoopbackServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new LoopbackServer()
                .on("/fast", exchange -> server.answer(exchange, 200, ANSWER.length, ANSWER, Duration.ZERO))
                .on("/missing", exchange -> server.answer(exchange, 404, ANSWER.length, ANSWER, Duration.ZERO))
                .on("/serial", exchange -> {
                    synchronized (oneAtATime) {
                        server.answer(exchange, 200, ANSWER.length, ANSWER, Duration.ofMillis(20));
                    }
                })
                .start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private OpenLoopLoad.Result load(String path, String body, MeasuredPeriod period) throws Exception {
        return OpenLoopLoad.run(server.uri(path), "t0k", body, RATE, WARM_UP, MEASURED, MAX_CONNECTIONS, period);
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
        assertTrue(server.clientPorts().size() <= MAX_CONNECTIONS, server.clientPorts().size() + " connections");
        assertEquals(Set.of("POST /fast Bearer t0k application/json {\"goal\":\"é\"}"), server.seen());
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
