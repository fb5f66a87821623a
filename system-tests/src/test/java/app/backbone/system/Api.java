package app.backbone.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** HTTP/1.1 calls to the services, as any client of their public APIs makes them. */
public final class Api {

    /** Reads and writes JSON bodies and events. */
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public Request get(String url) {
        return new Request("GET", url);
    }

    public Request post(String url) {
        return new Request("POST", url);
    }

    public Request put(String url) {
        return new Request("PUT", url);
    }

    public Request delete(String url) {
        return new Request("DELETE", url);
    }

    public Request request(String method, String url) {
        return new Request(method, url);
    }

    /** One request being put together. */
    public final class Request {

        private final String method;
        private final String url;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Request(String method, String url) {
            this.method = method;
            this.url = url;
        }

        /** Sends {@code Authorization: Bearer token}; a null token sends no header. */
        public Request token(String token) {
            return token == null ? this : header("Authorization", "Bearer " + token);
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A JSON body: a string as it is, anything else serialised. */
        public Request json(Object value) {
            try {
                String text = value instanceof String s ? s : JSON.writeValueAsString(value);
                return body(text.getBytes(StandardCharsets.UTF_8), "application/json");
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Not serialisable: " + value, e);
            }
        }

        /** These bytes as the body, with this content type unless null. */
        public Request body(byte[] bytes, String contentType) {
            body = HttpRequest.BodyPublishers.ofByteArray(bytes);
            if (contentType != null) {
                header("Content-Type", contentType);
            }
            return this;
        }

        /** A body of unannounced length, sent chunked. */
        public Request chunked(byte[] bytes, String contentType) {
            body = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
            if (contentType != null) {
                header("Content-Type", contentType);
            }
            return this;
        }

        /** Sends it; a connection that fails is an error. */
        public Reply send() {
            try {
                return trySend();
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + url + " failed", e);
            }
        }

        /** Sends it, reporting a failed or dropped connection as it is. */
        public Reply trySend() throws IOException {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .method(method, body);
            headers.forEach(builder::header);
            try {
                HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Reply(method + " " + url, response.statusCode(), response.headers(), response.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
    }
}
