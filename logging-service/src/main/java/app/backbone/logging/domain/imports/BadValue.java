package app.backbone.logging.domain.imports;

/** A cell that cannot be used, named by its column; becomes a {@link RowError} for the row. */
final class BadValue extends RuntimeException {

    private final String field;

    BadValue(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
