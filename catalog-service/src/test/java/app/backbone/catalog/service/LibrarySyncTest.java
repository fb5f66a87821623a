package app.backbone.catalog.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.backbone.catalog.domain.Exercise;
import app.backbone.catalog.domain.ExerciseDefinition;
import app.backbone.catalog.domain.GlobalLibrary;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Start-up synchronisations of the global library as replicas run them: two at once, and an older release's after a
 * newer one's. Each test offers the library of a made-up newer release (this one's plus new exercises) and removes
 * what it added afterwards.
 */
@QuarkusTest
class LibrarySyncTest {

    private static final int NEWER = GlobalLibrary.RELEASE + 1;

    @Inject
    ExerciseService exercises;

    private final List<String> added = new ArrayList<>();

    @AfterEach
    void restoreThisRelease() {
        QuarkusTransaction.requiringNew().run(() -> {
            added.forEach(id -> Exercise.deleteById(id));
            Exercise.getEntityManager().createNativeQuery("UPDATE library_release SET release = :release")
                    .setParameter("release", GlobalLibrary.RELEASE).executeUpdate();
        });
    }

    @Test
    void twoReplicasSynchronisingAtOnceAddEachExerciseOnce() throws Exception {
        List<ExerciseDefinition> newer = newerLibrary(3);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<ExerciseService.LibrarySync>> syncs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                syncs.add(replicas.submit(() -> {
                    start.await();
                    return exercises.syncGlobalLibrary(NEWER, newer);
                }));
            }
            start.countDown();
            ExerciseService.LibrarySync first = syncs.get(0).get();
            ExerciseService.LibrarySync second = syncs.get(1).get();
            assertEquals(3, first.added() + second.added(), "each new exercise added by exactly one replica");
            assertEquals(0, first.retired() + second.retired());
            assertEquals(newer.size() * 2, first.added() + first.unchanged() + second.added() + second.unchanged());
            assertEquals(NEWER, storedRelease());
        } finally {
            replicas.shutdownNow();
        }
    }

    @Test
    void anOlderReleaseLeavesANewerLibraryAsItIs() {
        exercises.syncGlobalLibrary(NEWER, newerLibrary(1));

        ExerciseService.LibrarySync older = exercises.syncGlobalLibrary(GlobalLibrary.RELEASE, GlobalLibrary.load());

        assertEquals(NEWER, older.storedRelease());
        assertEquals(0, older.retired() + older.added() + older.changed());
        assertEquals(NEWER, storedRelease());
        Exercise kept = QuarkusTransaction.requiringNew().call(() -> Exercise.findById(added.get(0)));
        assertFalse(kept.retired, "the newer release's exercise must stay active");
    }

    @Test
    void theSameReleaseAgainChangesNothing() {
        ExerciseService.LibrarySync again = exercises.syncGlobalLibrary(GlobalLibrary.RELEASE, GlobalLibrary.load());

        assertEquals(GlobalLibrary.RELEASE, again.storedRelease());
        assertEquals(GlobalLibrary.load().size(), again.unchanged());
    }

    private List<ExerciseDefinition> newerLibrary(int extra) {
        List<ExerciseDefinition> library = new ArrayList<>(GlobalLibrary.load());
        ExerciseDefinition model = library.get(0);
        for (int i = 0; i < extra; i++) {
            String id = "newer-release-lift-" + UUID.randomUUID().toString().substring(0, 8);
            added.add(id);
            library.add(new ExerciseDefinition(id, "Newer release lift " + id, model.description(), model.category(),
                    model.movementPattern(), model.primaryMuscles(), model.secondaryMuscles(), model.equipment(),
                    model.laterality(), model.measure(), model.loadable(), model.contraindications(), model.cues(),
                    model.mediaUrls()));
        }
        return library;
    }

    private static int storedRelease() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Exercise.getEntityManager()
                .createNativeQuery("SELECT release FROM library_release").getSingleResult()).intValue());
    }
}
