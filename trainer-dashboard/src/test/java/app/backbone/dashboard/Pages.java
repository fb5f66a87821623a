package app.backbone.dashboard;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;

/** Reads the dashboard's pages as a browser gets them, and the fake services' answers as the dashboard gets them. */
public final class Pages {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Pages() {
    }

    /** The page at {@code path}, which must answer {@code status} as HTML. */
    public static Document page(String path, int status) {
        Response response = given().redirects().follow(false).when().get(path);
        response.then().statusCode(status).contentType("text/html");
        return Jsoup.parse(response.asString());
    }

    /** The token the dashboard signs in with in the tests (local-only mode). */
    public static String token() {
        try {
            return Files.readString(Path.of("src/test/resources/trainer-token.txt")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode logging(String pathAndQuery) {
        return get("backbone.dashboard.logging-url", pathAndQuery, "GET");
    }

    public static JsonNode program(String pathAndQuery) {
        return get("backbone.dashboard.program-url", pathAndQuery, "GET");
    }

    /** Forgets the requests both fake services received. */
    public static void forgetRequests() {
        get("backbone.dashboard.logging-url", "/_requests", "DELETE");
        get("backbone.dashboard.program-url", "/_requests", "DELETE");
    }

    /** The requests the fake logging-service received since {@link #forgetRequests()}. */
    public static JsonNode loggingRequests() {
        return logging("/_requests");
    }

    public static JsonNode programRequests() {
        return program("/_requests");
    }

    private static JsonNode get(String urlKey, String pathAndQuery, String method) {
        String base = ConfigProvider.getConfig().getValue(urlKey, String.class);
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
