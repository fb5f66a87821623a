package app.backbone.program.messaging;

import static app.backbone.testsupport.SchemaFields.declared;
import static app.backbone.testsupport.SchemaFields.documented;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import app.backbone.testsupport.ExerciseStates;

/** Holds program-service's copy of {@code ExerciseChanged} against the schema the catalog publishes. */
class ExerciseChangedContractTest {

    private static final Path SCHEMA = Path.of("../catalog-service/contracts/catalog.exercises.schema.json");

    @Test
    void theCopyHasExactlyTheFieldsOfThePublishedSchema() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());
        assertEquals(documented(schema), declared(ExerciseChanged.class));
        assertEquals(1, schema.get("properties").get("schemaVersion").get("const").asInt());
    }

    @Test
    void aRecordTheCatalogMayPublishIsValidAndReadable() throws IOException {
        String sample = ExerciseStates.json("contract-row", 3, false, "Contract row");
        JsonNode json = new ObjectMapper().readTree(sample);
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SCHEMA.toUri());
        assertTrue(schema.validate(json).isEmpty(), () -> schema.validate(json).toString());
        ExerciseChanged copy = new ObjectMapper().findAndRegisterModules().readValue(sample, ExerciseChanged.class);
        assertEquals("contract-row", copy.exerciseId());
        assertEquals(3, copy.version());
    }
}
