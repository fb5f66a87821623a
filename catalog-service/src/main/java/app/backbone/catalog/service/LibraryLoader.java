package app.backbone.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import app.backbone.catalog.domain.GlobalLibrary;
import io.quarkus.runtime.StartupEvent;

/**
 * Brings the stored global library up to this release's at every start, unless a newer release's library is stored:
 * during a rolling update an older replica may restart after a newer one has synchronised.
 */
@ApplicationScoped
public class LibraryLoader {

    private static final Logger LOG = Logger.getLogger(LibraryLoader.class);

    private final ExerciseService exercises;

    public LibraryLoader(ExerciseService exercises) {
        this.exercises = exercises;
    }

    void onStart(@Observes StartupEvent event) {
        ExerciseService.LibrarySync sync = exercises.syncGlobalLibrary(GlobalLibrary.RELEASE, GlobalLibrary.load());
        if (sync.storedRelease() > GlobalLibrary.RELEASE) {
            LOG.warnf("Global library: release %d is stored, newer than this one's %d; left as it is",
                    sync.storedRelease(), GlobalLibrary.RELEASE);
            return;
        }
        LOG.infof("Global library: %d added, %d changed, %d retired, %d unchanged", sync.added(), sync.changed(),
                sync.retired(), sync.unchanged());
    }
}
