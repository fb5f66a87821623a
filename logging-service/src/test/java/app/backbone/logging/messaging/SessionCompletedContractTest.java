package app.backbone.logging.messaging;

import static app.backbone.testsupport.SchemaFields.declared;
import static app.backbone.testsupport.SchemaFields.documented;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Holds this service's copies of the completed-session event and its schema against the producer's. */
class SessionCompletedContractTest {

    private static final Path PRODUCER_SCHEMA =
            Path.of("../program-service/contracts/training.sessions.completed.schema.json");
    private static final Path OWN_SCHEMA =
            Path.of("src/main/resources/contracts/training.sessions.completed.schema.json");

    @Test
    void theSchemaCopyIsTheProducersSchema() throws IOException {
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(Files.readString(PRODUCER_SCHEMA)), json.readTree(Files.readString(OWN_SCHEMA)));
    }

    @Test
    void theRecordCopyHasTheSchemasFieldsAtEveryLevel() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(PRODUCER_SCHEMA.toFile());
        assertEquals(documented(schema), declared(SessionCompleted.class));
        JsonNode exercise = schema.at("/properties/exercises/items");
        assertEquals(documented(exercise), declared(SessionCompleted.ExerciseDone.class));
        assertEquals(documented(exercise.at("/properties/prescription")), declared(SessionCompleted.Prescribed.class));
        assertEquals(documented(exercise.at("/properties/sets/items")), declared(SessionCompleted.SetDone.class));
    }
}
