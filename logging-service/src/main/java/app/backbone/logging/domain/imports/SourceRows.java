package app.backbone.logging.domain.imports;

/** How one source's rows are read, once its header has been recognised. */
interface SourceRows {

    /** The header variant, e.g. {@code strong-semicolon-de}. */
    String variant();

    /** The name of the exercise column as in the header, for errors about whole exercises. */
    String exerciseField();

    /** The workout a row belongs to, from its raw cells (a row with a bad date still has a workout). */
    String workoutKey(Cells cells);

    /** Reads one row; throws {@link BadValue} for a value that cannot be used. */
    Row read(Cells cells, long line);
}
