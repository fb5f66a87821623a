package app.backbone.logging.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.backbone.logging.domain.CatalogExercise;
import app.backbone.testsupport.TopicReader;
import app.backbone.testsupport.TopicWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
public class CatalogReadModelTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A complete exercise state as the catalog publishes it. */
    public static String state(String id, long version, boolean retired, String name) {
        return """
                {"eventId":"%s","schemaVersion":1,"occurredAt":"2026-11-20T10:00:00Z","exerciseId":"%s",
                 "scope":"GLOBAL","tenantId":null,"version":%d,"retired":%s,"name":"%s","description":null,
                 "category":"STRENGTH","movementPattern":"VERTICAL_PULL","primaryMuscles":["LATS"],
                 "secondaryMuscles":["BICEPS"],"equipment":["CABLE"],"laterality":"BILATERAL","measure":"REPS",
                 "loadable":true,"contraindications":["SHOULDER_PAIN"],"cues":["Chest up"],"mediaUrls":[]}
                """.formatted(java.util.UUID.randomUUID(), id, version, retired, name);
    }

    private static CatalogExercise stored(String id) {
        return QuarkusTransaction.requiringNew().call(() -> CatalogExercise.<CatalogExercise>findById(id));
    }

    @Test
    void theLatestVersionWinsWhateverTheOrderAndRepeats() {
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(CatalogTopics.EXERCISES, "rm-pulldown", state("rm-pulldown", 0, false, "Pulldown"));
            writer.send(CatalogTopics.EXERCISES, "rm-pulldown", state("rm-pulldown", 2, false, "Pulldown v2"));
            writer.send(CatalogTopics.EXERCISES, "rm-pulldown", state("rm-pulldown", 1, false, "Pulldown v1"));
            writer.send(CatalogTopics.EXERCISES, "rm-pulldown", state("rm-pulldown", 2, false, "Pulldown v2"));
            writer.send(CatalogTopics.EXERCISES, "rm-marker", state("rm-marker", 0, false, "Marker"));
        }
        await().atMost(WAIT).until(() -> stored("rm-marker") != null);
        CatalogExercise exercise = stored("rm-pulldown");
        assertEquals(2, exercise.version);
        assertEquals("Pulldown v2", exercise.name);
        assertEquals(List.of("LATS"), exercise.primaryMuscles);
        assertEquals(List.of("SHOULDER_PAIN"), exercise.contraindications);
    }

    @Test
    void aRetirementIsKept() {
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(CatalogTopics.EXERCISES, "rm-retiring", state("rm-retiring", 0, false, "Old row"));
            writer.send(CatalogTopics.EXERCISES, "rm-retiring", state("rm-retiring", 1, true, "Old row"));
        }
        await().atMost(WAIT).until(() -> stored("rm-retiring") != null && stored("rm-retiring").retired);
    }

    @Test
    void byIdsFindsRetiredRowsAndLeavesOutUnknownIds() {
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(CatalogTopics.EXERCISES, "rm-by-id", state("rm-by-id", 0, false, "By id"));
            writer.send(CatalogTopics.EXERCISES, "rm-by-id-retired", state("rm-by-id-retired", 0, true, "Retired"));
        }
        await().atMost(WAIT).until(() -> stored("rm-by-id") != null && stored("rm-by-id-retired") != null);
        List<String> found = QuarkusTransaction.requiringNew().call(() -> CatalogExercise
                .byIds(List.of("rm-by-id", "rm-by-id-retired", "rm-unknown")).stream().map(e -> e.id).sorted()
                .toList());
        assertEquals(List.of("rm-by-id", "rm-by-id-retired"), found);
        assertEquals(List.of(), QuarkusTransaction.requiringNew().call(() -> CatalogExercise.byIds(List.of())));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStored() {
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(CatalogTopics.EXERCISES, "rm-poison", "{not json");
            writer.send(CatalogTopics.EXERCISES, "rm-after-poison", state("rm-after-poison", 0, false, "After"));
        }
        await().atMost(WAIT).until(() -> stored("rm-after-poison") != null);
        try (TopicReader dlq = new TopicReader("catalog.exercises.logging-service.dlq")) {
            await().atMost(WAIT).until(() -> dlq.poll().stream().anyMatch(r -> "rm-poison".equals(r.key())));
            assertTrue(dlq.poll().stream().filter(r -> "rm-poison".equals(r.key()))
                    .allMatch(r -> r.headers().lastHeader("dead-letter-reason") != null));
        }
    }
}
