package app.backbone.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A service's answer.
 *
 * @param request what was asked, for failure messages
 */
public record Reply(String request, int status, HttpHeaders headers, byte[] body) {

    /** The problem documents' media type. */
    public static final String PROBLEM_JSON = "application/problem+json";

    public JsonNode json() {
        try {
            return Api.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + this, e);
        }
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The media type without parameters, or null. */
    public String mediaType() {
        String type = header("Content-Type");
        return type == null ? null : type.split(";")[0].strip();
    }

    /** Asserts the status and returns this answer. */
    public Reply expect(int expected) {
        assertEquals(expected, status, () -> "Unexpected answer to " + this);
        return this;
    }

    @Override
    public String toString() {
        String text = text();
        return request + " -> " + status + " " + (text.length() > 500 ? text.substring(0, 500) + "..." : text);
    }
}
