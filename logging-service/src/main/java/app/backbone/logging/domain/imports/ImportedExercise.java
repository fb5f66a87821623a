package app.backbone.logging.domain.imports;

import java.util.List;

/**
 * Consecutive sets of one exercise in a workout. {@code name} is as written in the file (for Backbone's files, the
 * exercise id); {@code prescription} is null unless the file has one.
 */
public record ImportedExercise(String name, ImportedPrescription prescription, List<ImportedSet> sets) {

    public ImportedExercise {
        sets = List.copyOf(sets);
    }
}
