package app.backbone.program.messaging;

import static app.backbone.testsupport.SchemaFields.declared;
import static app.backbone.testsupport.SchemaFields.documented;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Keeps the produced event record and its documented schema in step, field for field. */
class SessionCompletedSchemaTest {

    private static final Path SCHEMA = Path.of("contracts/training.sessions.completed.schema.json");

    @Test
    void theEventRecordHasTheSchemasFieldsAtEveryLevel() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());
        assertEquals(documented(schema), declared(SessionCompleted.class));
        JsonNode exercise = schema.at("/properties/exercises/items");
        assertEquals(documented(exercise), declared(SessionCompleted.ExerciseDone.class));
        assertEquals(documented(exercise.at("/properties/prescription")), declared(SessionCompleted.Prescribed.class));
        assertEquals(documented(exercise.at("/properties/sets/items")), declared(SessionCompleted.SetDone.class));
    }
}
