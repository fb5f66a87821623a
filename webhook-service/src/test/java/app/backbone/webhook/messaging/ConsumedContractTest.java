package app.backbone.webhook.messaging;

import static app.backbone.testsupport.SchemaFields.declared;
import static app.backbone.testsupport.SchemaFields.documented;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import app.backbone.webhook.Events;

/**
 * Holds webhook-service's copies of {@code Insight} and {@code MemberErased} to the schemas logging-service publishes.
 */
class ConsumedContractTest {

    private static final Path INSIGHTS = Path.of("../logging-service/contracts/training.insights.schema.json");
    private static final Path ERASED = Path.of("../logging-service/contracts/members.erased.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Test
    void theCopiesHaveExactlyTheFieldsOfThePublishedSchemas() throws IOException {
        JsonNode insights = JSON.readTree(INSIGHTS.toFile());
        assertEquals(documented(insights), declared(Insight.class));
        assertEquals(documented(insights.get("properties").get("record")), declared(Insight.RecordValue.class));
        assertEquals(documented(insights.get("properties").get("recommendation")), declared(Insight.Deload.class));
        assertEquals(1, insights.get("properties").get("schemaVersion").get("const").asInt());
        JsonNode erased = JSON.readTree(ERASED.toFile());
        assertEquals(documented(erased), declared(MemberErased.class));
        assertEquals(1, erased.get("properties").get("schemaVersion").get("const").asInt());
    }

    @Test
    void theRecordsTheTestsPublishAreValidAndReadable() throws IOException {
        UUID eventId = UUID.randomUUID();
        assertValid(INSIGHTS, Events.recordAchieved(eventId, "contract-gym", "m-1", "105"));
        assertValid(INSIGHTS, Events.deloadRecommended(eventId, "contract-gym", "m-1"));
        assertValid(ERASED, Events.memberErased(eventId, "contract-gym", "m-1"));
        Insight insight = JSON.readValue(Events.recordAchieved(eventId, "contract-gym", "m-1", "105"), Insight.class);
        assertEquals(eventId, insight.eventId());
        assertEquals(105, insight.record().newValue().intValue());
        MemberErased erased = JSON.readValue(Events.memberErased(eventId, "contract-gym", "m-1"), MemberErased.class);
        assertEquals("m-1", erased.memberId());
    }

    private static void assertValid(Path schemaFile, String json) throws IOException {
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaFile.toUri());
        JsonNode node = JSON.readTree(json);
        assertTrue(schema.validate(node).isEmpty(), () -> schema.validate(node).toString());
    }
}
