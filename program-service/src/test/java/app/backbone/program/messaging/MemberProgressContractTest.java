package app.backbone.program.messaging;

import static app.backbone.testsupport.SchemaFields.declared;
import static app.backbone.testsupport.SchemaFields.documented;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

/** Holds program-service's copy of {@code MemberProgress} to the schema logging-service publishes it by. */
class MemberProgressContractTest {

    private static final Path SCHEMA = Path.of("../logging-service/contracts/training.member-progress.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Test
    void theCopyHasExactlyTheFieldsOfThePublishedSchema() throws IOException {
        JsonNode schema = JSON.readTree(SCHEMA.toFile());
        assertEquals(documented(schema), declared(MemberProgress.class));
        assertEquals(documented(schema.get("properties").get("pullPush")), declared(MemberProgress.PullPush.class));
        assertEquals(documented(schema.get("properties").get("exercises").get("items")),
                declared(MemberProgress.ExerciseProgress.class));
        assertEquals(1, schema.get("properties").get("schemaVersion").get("const").asInt());
    }

    @Test
    void aRecordLoggingMayPublishIsValidAndReadable() throws IOException {
        String sample = ProgressRecords.json("contract-gym", "m-1", 3, "romanian-deadlift", "INCREASE", "65", "60",
                "6", "5");
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(SCHEMA.toUri());
        assertTrue(schema.validate(JSON.readTree(sample)).isEmpty(),
                () -> schema.validate(readTree(sample)).toString());
        MemberProgress copy = JSON.readValue(sample, MemberProgress.class);
        assertEquals(3, copy.revision());
        assertEquals("INCREASE", copy.exercises().get(0).action());
        assertEquals(0, copy.pullPush().pushHardSets().compareTo(new BigDecimal("5")));
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
