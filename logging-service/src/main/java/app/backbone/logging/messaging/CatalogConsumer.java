package app.backbone.logging.messaging;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import app.backbone.logging.service.CatalogFacts;
import app.backbone.logging.service.CatalogReadModel;

/**
 * Reads {@value CatalogTopics#EXERCISES} from the beginning into the local read model. A record that cannot be
 * read goes to the channel's dead-letter topic and consumption carries on.
 */
@ApplicationScoped
public class CatalogConsumer {

    private final ObjectReader reader;
    private final CatalogReadModel readModel;
    private final CatalogFacts facts;

    public CatalogConsumer(ObjectMapper mapper, CatalogReadModel readModel, CatalogFacts facts) {
        this.reader = mapper.readerFor(ExerciseChanged.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.readModel = readModel;
        this.facts = facts;
    }

    @Incoming(CatalogTopics.EXERCISES)
    public void onExerciseChanged(String json) throws IOException {
        ExerciseChanged change = reader.readValue(json);
        if (change.exerciseId() == null || change.name() == null || change.movementPattern() == null
                || change.category() == null || change.measure() == null || change.equipment() == null
                || change.primaryMuscles() == null || change.secondaryMuscles() == null
                || change.contraindications() == null || change.scope() == null) {
            throw new IllegalArgumentException("Incomplete exercise state: " + json);
        }
        if (readModel.apply(change)) {
            facts.invalidate();
        }
    }
}
