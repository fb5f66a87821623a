package app.backbone.localstack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ClosedLoopLoadTest {

    @Test
    void getCarriesTheTokenAndKeepsTheQuery() {
        assertEquals("GET /exercises?muscle=LATS HTTP/1.1\r\nHost: 127.0.0.1:8081\r\nAuthorization: Bearer t0k\r\n"
                + "Accept: application/json\r\n\r\n", new String(ClosedLoopLoad.request(
                        URI.create("http://127.0.0.1:8081/exercises?muscle=LATS"), "t0k", null),
                        StandardCharsets.US_ASCII));
    }

    @Test
    void postSendsTheJsonBodyWithItsLengthInBytes() {
        assertEquals("POST /programs/preview HTTP/1.1\r\nHost: localhost:8082\r\nAuthorization: Bearer t\r\n"
                + "Accept: application/json\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n"
                + "{\"goal\":\"é\"}", new String(ClosedLoopLoad.request(
                        URI.create("http://localhost:8082/programs/preview"), "t", "{\"goal\":\"é\"}"),
                        StandardCharsets.UTF_8));
    }
}
