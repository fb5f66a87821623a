package app.backbone.logging.messaging;

/** Topic names, which are also the channel names. */
public final class CatalogTopics {

    /** The catalog's compacted change stream, read from the beginning into the local read model. */
    public static final String EXERCISES = "catalog.exercises";

    private CatalogTopics() {
    }
}
