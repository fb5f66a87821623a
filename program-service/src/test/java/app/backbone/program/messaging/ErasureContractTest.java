package app.backbone.program.messaging;

import static app.backbone.testsupport.SchemaFields.declared;
import static app.backbone.testsupport.SchemaFields.documented;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

/**
 * Holds the confirmation program-service publishes to the schema it documents, and its copy of the erasure request
 * to the schema logging-service publishes it by.
 */
class ErasureContractTest {

    private static final Path CONFIRMED = Path.of("contracts/members.erasure-confirmed.schema.json");
    private static final Path REQUESTED = Path.of("../logging-service/contracts/members.erasure-requested.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void theRecordsHaveExactlyTheFieldsOfTheirSchemas() throws IOException {
        JsonNode confirmed = JSON.readTree(CONFIRMED.toFile());
        assertEquals(documented(confirmed), declared(MemberErasureConfirmed.class));
        assertEquals(MemberErasureConfirmed.SCHEMA_VERSION, confirmed.at("/properties/schemaVersion/const").asInt());
        JsonNode requested = JSON.readTree(REQUESTED.toFile());
        assertEquals(documented(requested), declared(MemberErasureRequested.class));
        assertEquals(1, requested.at("/properties/schemaVersion/const").asInt());
    }

    @Test
    void theConfirmationIsValidAndARequestIsReadable() throws IOException {
        Instant at = Instant.parse("2026-11-20T18:00:00Z");
        assertValid(CONFIRMED, JSON.valueToTree(new MemberErasureConfirmed(UUID.randomUUID(),
                MemberErasureConfirmed.SCHEMA_VERSION, at, UUID.randomUUID(), "gym-1", "m-1", "program-service")));
        String request = """
                {"eventId":"%s","schemaVersion":1,"occurredAt":"2026-11-20T18:00:00Z","erasureId":"%s",
                 "tenantId":"gym-1","memberId":"m-1","requestedAt":"2026-11-20T18:00:00Z"}
                """.formatted(UUID.randomUUID(), UUID.randomUUID());
        assertValid(REQUESTED, JSON.readTree(request));
        assertEquals(at, JSON.readValue(request, MemberErasureRequested.class).requestedAt());
    }

    private static void assertValid(Path schemaFile, JsonNode json) {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                schemaFile.toUri());
        assertTrue(schema.validate(json).isEmpty(), () -> schema.validate(json) + " in " + json);
    }
}
