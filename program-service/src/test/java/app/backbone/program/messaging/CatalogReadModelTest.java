package app.backbone.program.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import app.backbone.common.catalog.CatalogExercise;
import app.backbone.common.catalog.CatalogTopic;
import app.backbone.common.messaging.ConsumerCatchUp;
import app.backbone.testsupport.ExerciseStates;
import app.backbone.testsupport.RetryMetrics;
import app.backbone.testsupport.TableOutage;
import app.backbone.testsupport.TopicReader;
import app.backbone.testsupport.TopicWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The catalog read model kit (service-commons) as program-service runs it, against the real broker and database. */
@QuarkusTest
class CatalogReadModelTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DLQ = "catalog.exercises.program-service.dlq";
    private static final String APPLY = "CatalogReadModel.apply";

    @Inject
    DataSource dataSource;

    private static CatalogExercise stored(String id) {
        return QuarkusTransaction.requiringNew().call(() -> CatalogExercise.<CatalogExercise>findById(id));
    }

    /** Waits until the service's consumer group has committed every record now on the topic. */
    private static void awaitConsumed() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (ConsumerCatchUp consumed = new ConsumerCatchUp(Map.of("bootstrap.servers", bootstrap),
                CatalogTopic.EXERCISES, "program-service")) {
            await().atMost(WAIT).until(() -> {
                consumed.check();
                return consumed.caughtUp();
            });
        }
    }

    @Test
    void theLatestVersionWinsWhateverTheOrderAndRepeats() {
        try (TopicWriter writer = new TopicWriter()) {
            for (String state : List.of(ExerciseStates.json("rm-pulldown", 0, false, "Pulldown"),
                    ExerciseStates.json("rm-pulldown", 2, false, "Pulldown v2"),
                    ExerciseStates.json("rm-pulldown", 1, false, "Pulldown v1"),
                    ExerciseStates.json("rm-pulldown", 2, false, "Pulldown v2 again"))) {
                writer.send(CatalogTopic.EXERCISES, "rm-pulldown", state);
            }
        }
        awaitConsumed();
        CatalogExercise exercise = stored("rm-pulldown");
        assertEquals(2, exercise.version);
        assertEquals("Pulldown v2", exercise.name);
        assertEquals(List.of("LATS"), exercise.primaryMuscles);
        assertEquals(List.of("SHOULDER_PAIN"), exercise.contraindications);
    }

    @Test
    void aRetirementIsKept() {
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(CatalogTopic.EXERCISES, "rm-retiring", ExerciseStates.json("rm-retiring", 0, false, "Old row"));
            writer.send(CatalogTopic.EXERCISES, "rm-retiring", ExerciseStates.json("rm-retiring", 1, true, "Old row"));
        }
        await().atMost(WAIT).until(() -> stored("rm-retiring") != null && stored("rm-retiring").retired);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStored() {
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(CatalogTopic.EXERCISES, "rm-poison", "{not json");
            writer.send(CatalogTopic.EXERCISES, "rm-too-long",
                    ExerciseStates.json("rm-too-long", 0, false, "x".repeat(201)));
            writer.send(CatalogTopic.EXERCISES, "rm-poison",
                    ExerciseStates.json("rm-poison", 0, false, "After the poison"));
        }
        await().atMost(WAIT).until(() -> stored("rm-poison") != null);
        assertEquals("After the poison", stored("rm-poison").name);
        try (TopicReader dlq = new TopicReader(DLQ)) {
            await().atMost(WAIT).until(() -> dlq.poll().stream().anyMatch(r -> "rm-poison".equals(r.key()))
                    && dlq.poll().stream().anyMatch(r -> "rm-too-long".equals(r.key())));
            assertTrue(dlq.poll().stream().filter(r -> r.key().startsWith("rm-"))
                    .allMatch(r -> r.headers().lastHeader("dead-letter-reason") != null));
        }
        assertEquals(null, stored("rm-too-long"));
    }

    @Test
    void aDatabaseFailureIsRetriedUntilTheRecordIsStoredAndNothingGoesToTheDeadLetterTopic() throws SQLException {
        double retriesBefore = RetryMetrics.retries(APPLY);
        try (TableOutage away = TableOutage.of(dataSource, "catalog_exercise");
             TopicWriter writer = new TopicWriter()) {
            writer.send(CatalogTopic.EXERCISES, "rm-db-away", ExerciseStates.json("rm-db-away", 0, false,
                    "Stored once the database is back"));
            await().atMost(WAIT).until(() -> RetryMetrics.retries(APPLY) >= retriesBefore + 2);
        }
        await().atMost(WAIT).until(() -> stored("rm-db-away") != null);
        // A poison record under the same key follows it into the same partition of the dead-letter topic: once it
        // is there, a dead-lettered copy of the stored record would be too.
        String poison = "{poison after rm-db-away";
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(CatalogTopic.EXERCISES, "rm-db-away", poison);
        }
        try (TopicReader dlq = new TopicReader(DLQ)) {
            await().atMost(WAIT).until(() -> dlq.poll().stream().anyMatch(r -> poison.equals(r.value())));
            assertTrue(dlq.poll().stream().filter(r -> "rm-db-away".equals(r.key()))
                    .allMatch(r -> poison.equals(r.value())));
        }
    }
}
