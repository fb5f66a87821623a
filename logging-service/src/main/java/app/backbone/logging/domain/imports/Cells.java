package app.backbone.logging.domain.imports;

import org.apache.commons.csv.CSVRecord;

/** The trimmed cells of one record, addressed by column index. */
final class Cells {

    private final CSVRecord record;

    Cells(CSVRecord record) {
        this.record = record;
    }

    /** The cell's trimmed text; empty when the column is absent or the row is short. */
    String get(int column) {
        return column >= 0 && column < record.size() ? record.get(column).trim() : "";
    }
}
