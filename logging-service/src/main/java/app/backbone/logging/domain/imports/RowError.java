package app.backbone.logging.domain.imports;

/** A row that could not be used: its physical line, the column's name as in the header (or null) and why. */
public record RowError(long line, String field, String message) {
}
