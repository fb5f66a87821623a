package app.backbone.common.catalog;

/** The catalog's change stream, which the read model consumes; the name is also the channel's. */
public final class CatalogTopic {

    /** Compacted; key = exercise id; value = the exercise's full state ({@code ExerciseChanged}). */
    public static final String EXERCISES = "catalog.exercises";

    private CatalogTopic() {
    }
}
