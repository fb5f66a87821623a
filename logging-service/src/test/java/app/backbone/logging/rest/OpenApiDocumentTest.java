package app.backbone.logging.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Holds the served OpenAPI document to the checked-in {@code contracts/openapi.json}, so that an API change is a
 * visible change of that file. {@code -Dbackbone.openapi.write=true} writes the served document there instead.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Path CONTRACT = Path.of("contracts/openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theServedDocumentIsTheCheckedInContract() throws IOException {
        String served = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("backbone.openapi.write")) {
            Files.writeString(CONTRACT, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(served))
                    + "\n");
        }
        assertEquals(JSON.readTree(Files.readString(CONTRACT)), JSON.readTree(served),
                "The served OpenAPI document differs from " + CONTRACT.toAbsolutePath() + "; if the change is "
                        + "intended, run the test with -Dbackbone.openapi.write=true to write it there and commit it");
    }
}
