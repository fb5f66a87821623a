package app.backbone.logging.messaging;

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
 * Holds the erasure records logging-service publishes to the schemas it documents for them, and its copy of the
 * confirmation to the schema program-service publishes it by.
 */
class ErasureContractTest {

    private static final Path REQUESTED = Path.of("contracts/members.erasure-requested.schema.json");
    private static final Path ERASED = Path.of("contracts/members.erased.schema.json");
    private static final Path CONFIRMED = Path.of("../program-service/contracts/members.erasure-confirmed.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Instant AT = Instant.parse("2026-11-20T18:00:00Z");

    @Test
    void theRecordsHaveExactlyTheFieldsOfTheirSchemas() throws IOException {
        JsonNode requested = JSON.readTree(REQUESTED.toFile());
        assertEquals(documented(requested), declared(MemberErasureRequested.class));
        assertEquals(MemberErasureRequested.SCHEMA_VERSION, requested.at("/properties/schemaVersion/const").asInt());
        JsonNode erased = JSON.readTree(ERASED.toFile());
        assertEquals(documented(erased), declared(MemberErased.class));
        assertEquals(MemberErased.SCHEMA_VERSION, erased.at("/properties/schemaVersion/const").asInt());
        JsonNode confirmed = JSON.readTree(CONFIRMED.toFile());
        assertEquals(documented(confirmed), declared(MemberErasureConfirmed.class));
        assertEquals(1, confirmed.at("/properties/schemaVersion/const").asInt());
    }

    @Test
    void recordsAsPublishedAreValidAndTheConfirmationIsReadable() throws IOException {
        assertValid(REQUESTED, JSON.valueToTree(new MemberErasureRequested(UUID.randomUUID(),
                MemberErasureRequested.SCHEMA_VERSION, AT, UUID.randomUUID(), "gym-1", "m-1", AT)));
        assertValid(ERASED, JSON.valueToTree(new MemberErased(UUID.randomUUID(), MemberErased.SCHEMA_VERSION, AT,
                UUID.randomUUID(), "gym-1", "m-1", AT, AT.plusSeconds(5))));
        String confirmation = """
                {"eventId":"%s","schemaVersion":1,"occurredAt":"2026-11-20T18:00:05Z","erasureId":"%s",
                 "tenantId":"gym-1","memberId":"m-1","service":"program-service"}
                """.formatted(UUID.randomUUID(), UUID.randomUUID());
        assertValid(CONFIRMED, JSON.readTree(confirmation));
        assertEquals("program-service", JSON.readValue(confirmation, MemberErasureConfirmed.class).service());
    }

    private static void assertValid(Path schemaFile, JsonNode json) {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                schemaFile.toUri());
        assertTrue(schema.validate(json).isEmpty(), () -> schema.validate(json) + " in " + json);
    }
}
