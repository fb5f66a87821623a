package app.backbone.logging.service;

import java.time.Instant;
import java.util.ArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.backbone.logging.domain.CatalogExercise;
import app.backbone.logging.messaging.ExerciseChanged;

/** Keeps the local catalog equal to the latest state per exercise that the topic carried. */
@ApplicationScoped
public class CatalogReadModel {

    /**
     * Stores the state unless a newer or equal version is already stored, so redelivered and repeated records
     * change nothing.
     *
     * @return whether the record changed the read model
     */
    @Transactional
    public boolean apply(ExerciseChanged change) {
        CatalogExercise stored = CatalogExercise.findById(change.exerciseId());
        if (stored != null && stored.version >= change.version()) {
            return false;
        }
        CatalogExercise row = stored == null ? new CatalogExercise() : stored;
        row.id = change.exerciseId();
        row.scope = change.scope();
        row.tenantId = change.tenantId();
        row.version = change.version();
        row.retired = change.retired();
        row.name = change.name();
        row.category = change.category();
        row.movementPattern = change.movementPattern();
        row.primaryMuscles = new ArrayList<>(change.primaryMuscles());
        row.secondaryMuscles = new ArrayList<>(change.secondaryMuscles());
        row.equipment = new ArrayList<>(change.equipment());
        row.laterality = change.laterality();
        row.measure = change.measure();
        row.loadable = change.loadable();
        row.contraindications = new ArrayList<>(change.contraindications());
        row.updatedAt = change.occurredAt() == null ? Instant.now() : change.occurredAt();
        if (stored == null) {
            row.persist();
        }
        return true;
    }
}
