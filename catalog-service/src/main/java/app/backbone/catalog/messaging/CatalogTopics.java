package app.backbone.catalog.messaging;

/** Topic names, which are also the channel names. */
public final class CatalogTopics {

    /** Compacted; key = exercise id; value = {@link ExerciseChanged}, the full current state. */
    public static final String EXERCISES = "catalog.exercises";

    private CatalogTopics() {
    }
}
