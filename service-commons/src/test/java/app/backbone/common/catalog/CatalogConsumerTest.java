package app.backbone.common.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class CatalogConsumerTest {

    /** A consuming service's copy of {@code ExerciseChanged}. */
    record ExerciseChanged(Instant occurredAt, String exerciseId, String scope, String tenantId, long version,
            boolean retired, String name, String category, String movementPattern, List<String> primaryMuscles,
            List<String> secondaryMuscles, List<String> equipment, String laterality, String measure,
            boolean loadable, List<String> contraindications) implements ExerciseState {
    }

    private static final String VALID = """
            {"eventId":"5d1c7a9e-0a52-4c55-9d0e-1f4f9c1d2b3a","schemaVersion":1,"occurredAt":"2026-11-20T10:00:00Z",
             "exerciseId":"lat-pulldown","scope":"TENANT","tenantId":"gym-1","version":4,"retired":false,
             "name":"Lat pulldown","description":null,"category":"STRENGTH","movementPattern":"VERTICAL_PULL",
             "primaryMuscles":["LATS"],"secondaryMuscles":["BICEPS"],"equipment":["CABLE"],
             "laterality":"BILATERAL","measure":"REPS","loadable":true,"contraindications":["SHOULDER_PAIN"],
             "cues":["Chest up"]}""";

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
    private final CatalogConsumer consumer = new CatalogConsumer(mapper, null, new Config());

    @Test
    void aCompleteRecordIsReadIntoTheServicesCopyIgnoringFieldsItDoesNotKeep() {
        assertEquals(new ExerciseChanged(Instant.parse("2026-11-20T10:00:00Z"), "lat-pulldown", "TENANT", "gym-1", 4,
                false, "Lat pulldown", "STRENGTH", "VERTICAL_PULL", List.of("LATS"), List.of("BICEPS"),
                List.of("CABLE"), "BILATERAL", "REPS", true, List.of("SHOULDER_PAIN")), consumer.read(VALID));
    }

    @Test
    void aGlobalExerciseHasNoTenant() {
        assertNull(consumer.read(with("tenantId", null)).tenantId());
    }

    @Test
    void fieldsAtTheirLongestAreAccepted() {
        assertEquals(200, consumer.read(with("name", "n".repeat(200))).name().length());
        assertEquals(100, consumer.read(with("exerciseId", "i".repeat(100))).exerciseId().length());
        assertEquals(64, consumer.read(with("tenantId", "t".repeat(64))).tenantId().length());
    }

    @Test
    void anUnreadableRecordIsRefused() {
        assertRefused("Unreadable exercise state", "{\"exerciseId\": ");
        assertRefused("Unreadable exercise state", with("version", "four"));
        assertRefused("Empty record", "null");
        assertRefused("Empty record", null);
    }

    @Test
    void aRecordWithoutARequiredFieldIsRefused() {
        for (String field : List.of("exerciseId", "scope", "name", "category", "movementPattern", "laterality",
                "measure", "primaryMuscles", "secondaryMuscles", "equipment", "contraindications")) {
            assertRefused("Incomplete exercise state: no " + field, without(field));
        }
        assertRefused("Incomplete exercise state: no name", with("name", ""));
    }

    @Test
    void aFieldLongerThanTheReadModelHoldsIsRefused() {
        assertRefused("name is longer than 200 characters", with("name", "n".repeat(201)));
        assertRefused("exerciseId is longer than 100 characters", with("exerciseId", "i".repeat(101)));
        assertRefused("tenantId is longer than 64 characters", with("tenantId", "t".repeat(65)));
    }

    @Test
    void aListHoldingNullIsRefused() {
        ObjectNode state = valid();
        ((ArrayNode) state.get("equipment")).addNull();
        assertRefused("A list holds null", state.toString());
    }

    private void assertRefused(String reason, String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> consumer.read(json));
        assertTrue(e.getMessage().startsWith(reason), e.getMessage());
    }

    private String with(String field, String value) {
        return valid().put(field, value).toString();
    }

    private String without(String field) {
        ObjectNode state = valid();
        state.remove(field);
        return state.toString();
    }

    private ObjectNode valid() {
        try {
            return (ObjectNode) mapper.readTree(VALID);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Config implements CatalogReadModelConfig {

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public Optional<Class<? extends ExerciseState>> eventType() {
            return Optional.of(ExerciseChanged.class);
        }

        @Override
        public String groupId() {
            return "program-service";
        }

        @Override
        public Duration cacheTtl() {
            return Duration.ofSeconds(1);
        }
    }
}
