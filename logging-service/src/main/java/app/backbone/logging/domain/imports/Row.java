package app.backbone.logging.domain.imports;

import java.time.Instant;

/** What one data row of a file holds, once its source has read it. */
sealed interface Row {

    /** The workout a row belongs to, as its rows all say it. */
    record Head(Instant startedAt, Instant completedAt, String title) {
    }

    /**
     * A set. {@code slot} tells consecutive rows of one exercise apart from the next exercise: the name for the
     * apps' files, position and id for Backbone's.
     */
    record Set(Head head, String slot, String exercise, ImportedPrescription prescription, ImportedSet set)
            implements Row {
    }

    /** A row that is no set (a rest timer, a note, cardio distance), left out with its reason. */
    record Skipped(String reason) implements Row {
    }
}
