package app.backbone.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Holds the served OpenAPI document to the checked-in {@value #CONTRACT}, so that every API change is a deliberate
 * one. With {@code -Dbackbone.openapi.write=true} it writes the served document to that file instead.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final String CONTRACT = "contracts/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Test
    void theServedDocumentIsTheCheckedInContract() throws Exception {
        String served = canonical(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
        Path contract = Path.of(CONTRACT);
        if (Boolean.getBoolean("backbone.openapi.write")) {
            Files.writeString(contract, served);
            return;
        }
        assertEquals(canonical(Files.readString(contract)), served, "The OpenAPI document differs from " + CONTRACT
                + ". If the change is deliberate, rerun with -Dbackbone.openapi.write=true to rewrite the file, "
                + "and commit it.");
    }

    /** The document with its object keys sorted, so that only a change of content is a difference. */
    private static String canonical(String json) throws Exception {
        return JSON.writeValueAsString(JSON.readValue(json, Object.class)) + "\n";
    }
}
