package app.backbone.catalog.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.backbone.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Bodies sent chunked, without a Content-Length: read up to the limit, refused cleanly past it. */
@QuarkusTest
class ChunkedBodyTest {

    private static final int MEBIBYTE = 1024 * 1024;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/exercises")
    URL exercises;

    @Test
    void aChunkedBodyWithinTheLimitIsServed() throws Exception {
        byte[] body = new ObjectMapper().writeValueAsBytes(ExerciseLifecycleTestData.body("Chunked seal row"));

        HttpResponse<String> response = send(body);

        assertEquals(201, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"name\":\"Chunked seal row\""), response.body());
    }

    @Test
    void everyChunkedBodyOverTheLimitGetsA413ProblemNotAReset() throws Exception {
        byte[] body = ("\"" + "x".repeat(3 * MEBIBYTE) + "\"").getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < 40; attempt++) {
            HttpResponse<String> response = send(body);

            assertEquals(413, response.statusCode(), "attempt " + attempt);
            assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse(""));
            assertTrue(response.body().contains("\"status\":413"), response.body());
        }
    }

    private HttpResponse<String> send(byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(exercises.toString()))
                .header("Authorization", "Bearer " + TestTokens.token("chunked-gym", "admin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
