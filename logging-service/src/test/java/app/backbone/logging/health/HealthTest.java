package app.backbone.logging.health;

import java.util.List;

import app.backbone.common.catalog.CatalogTopic;
import app.backbone.logging.TestEvents;
import app.backbone.testsupport.ReadinessContract;
import app.backbone.testsupport.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest extends ReadinessContract {

    private static final String EXERCISE = "health-lat-pulldown";

    /** The service is ready only once a global exercise of the catalog has reached its read model. */
    @Override
    protected void prepareReadiness() {
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(CatalogTopic.EXERCISES, EXERCISE, TestEvents.exerciseChanged(EXERCISE, 0, "STRENGTH",
                    "VERTICAL_PULL", List.of("LATS"), List.of("BICEPS")));
        }
    }
}
