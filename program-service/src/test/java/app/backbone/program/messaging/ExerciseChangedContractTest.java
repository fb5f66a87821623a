package app.backbone.program.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

/** Holds program-service's copy of {@code ExerciseChanged} against the schema the catalog publishes. */
class ExerciseChangedContractTest {

    private static final Path SCHEMA = Path.of("../catalog-service/contracts/catalog.exercises.schema.json");

    @Test
    void theCopyHasExactlyTheFieldsOfThePublishedSchema() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());
        Set<String> documented = new HashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(documented::add);
        Set<String> copied = Arrays.stream(ExerciseChanged.class.getRecordComponents())
                .map(c -> c.getName()).collect(Collectors.toSet());
        assertEquals(documented, copied);
        assertEquals(1, schema.get("properties").get("schemaVersion").get("const").asInt());
    }

    @Test
    void aRecordTheCatalogMayPublishIsValidAndReadable() throws IOException {
        String sample = CatalogReadModelTest.state("contract-row", 3, false, "Contract row");
        JsonNode json = new ObjectMapper().readTree(sample);
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SCHEMA.toUri());
        assertTrue(schema.validate(json).isEmpty(), () -> schema.validate(json).toString());
        ExerciseChanged copy = new ObjectMapper().findAndRegisterModules().readValue(sample, ExerciseChanged.class);
        assertEquals("contract-row", copy.exerciseId());
        assertEquals(3, copy.version());
    }
}
