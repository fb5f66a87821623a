package app.backbone.common.catalog;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Reads {@value CatalogTopic#EXERCISES} from the beginning into the read model, each record into the service's own
 * copy of the event ({@code backbone.catalog-read-model.event-type}). Only a record that cannot be read, or that
 * the read model could not hold, fails here and goes to the channel's dead-letter topic; a database failure is
 * retried by {@link CatalogReadModel} and never sends a valid change away.
 */
@ApplicationScoped
@IfBuildProperty(name = "backbone.catalog-read-model.enabled", stringValue = "true")
public class CatalogConsumer {

    private final ObjectReader reader;
    private final CatalogReadModel readModel;

    public CatalogConsumer(ObjectMapper mapper, CatalogReadModel readModel, CatalogReadModelConfig config) {
        Class<? extends ExerciseState> type = config.eventType().orElseThrow(() -> new IllegalStateException(
                "Set backbone.catalog-read-model.event-type to the service's copy of ExerciseChanged"));
        this.reader = mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.readModel = readModel;
    }

    @Incoming(CatalogTopic.EXERCISES)
    public void onExerciseChanged(String json) {
        readModel.apply(read(json));
    }

    /** The record as the read model's state, or an {@link IllegalArgumentException} saying why it cannot be. */
    ExerciseState read(String json) {
        ExerciseState state;
        try {
            state = json == null ? null : reader.readValue(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Unreadable exercise state: " + e.getMessage(), e);
        }
        if (state == null) {
            throw new IllegalArgumentException("Empty record");
        }
        require(state.exerciseId(), "exerciseId", 100);
        require(state.scope(), "scope", 16);
        require(state.name(), "name", 200);
        require(state.category(), "category", 40);
        require(state.movementPattern(), "movementPattern", 40);
        require(state.laterality(), "laterality", 16);
        require(state.measure(), "measure", 24);
        if (state.tenantId() != null && state.tenantId().length() > 64) {
            throw new IllegalArgumentException("tenantId is longer than 64 characters");
        }
        for (List<String> values : List.of(nonNull(state.primaryMuscles(), "primaryMuscles"),
                nonNull(state.secondaryMuscles(), "secondaryMuscles"), nonNull(state.equipment(), "equipment"),
                nonNull(state.contraindications(), "contraindications"))) {
            if (values.contains(null)) {
                throw new IllegalArgumentException("A list holds null: " + values);
            }
        }
        return state;
    }

    private static void require(String value, String field, int maxLength) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("Incomplete exercise state: no " + field);
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
        }
    }

    private static List<String> nonNull(List<String> values, String field) {
        if (values == null) {
            throw new IllegalArgumentException("Incomplete exercise state: no " + field);
        }
        return values;
    }
}
