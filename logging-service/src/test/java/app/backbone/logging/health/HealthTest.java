package app.backbone.logging.health;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import app.backbone.common.catalog.CatalogExercise;
import app.backbone.common.catalog.CatalogTopic;
import app.backbone.logging.TestEvents;
import app.backbone.testsupport.ReadinessContract;
import app.backbone.testsupport.TopicWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest extends ReadinessContract {

    private static final String EXERCISE = "health-lat-pulldown";

    /** The service is ready only once the catalog's global library has reached its read model. */
    @Override
    protected void prepareReadiness() {
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(CatalogTopic.EXERCISES, EXERCISE, TestEvents.exerciseChanged(EXERCISE, 0, "STRENGTH",
                    "VERTICAL_PULL", List.of("LATS"), List.of("BICEPS")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> CatalogExercise.findById(EXERCISE)) != null);
    }
}
