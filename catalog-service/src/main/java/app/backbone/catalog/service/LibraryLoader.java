package app.backbone.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import app.backbone.catalog.domain.GlobalLibrary;
import io.quarkus.runtime.StartupEvent;

/** Brings the stored global library up to this release's at every start. */
@ApplicationScoped
public class LibraryLoader {

    private static final Logger LOG = Logger.getLogger(LibraryLoader.class);

    private final ExerciseService exercises;

    public LibraryLoader(ExerciseService exercises) {
        this.exercises = exercises;
    }

    void onStart(@Observes StartupEvent event) {
        ExerciseService.LibrarySync sync = exercises.syncGlobalLibrary(GlobalLibrary.load());
        LOG.infof("Global library: %d added, %d changed, %d retired, %d unchanged", sync.added(), sync.changed(),
                sync.retired(), sync.unchanged());
    }
}
