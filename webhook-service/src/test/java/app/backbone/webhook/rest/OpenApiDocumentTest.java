package app.backbone.webhook.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The OpenAPI document the service serves is the one checked in at {@value #SNAPSHOT}, so that an API change is
 * always deliberate. Run with {@code -Dbackbone.openapi.write=true} to write the current document there instead.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final String SNAPSHOT = "contracts/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theServedDocumentIsTheCheckedInOne() throws IOException {
        String served = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        JsonNode document = JSON.readTree(served);
        Path snapshot = Path.of(SNAPSHOT);
        if (Boolean.getBoolean("backbone.openapi.write")) {
            Files.writeString(snapshot, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n");
        }
        assertEquals(JSON.readTree(snapshot.toFile()), document, "The served OpenAPI document differs from "
                + SNAPSHOT + ". If the API change is intended, run this test with -Dbackbone.openapi.write=true "
                + "to write the served document there, and commit it.");
    }
}
