package app.backbone.logging.domain.imports;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How to read a file: its source, the time zone of dates written without one (UTC when null) and the weight unit of
 * files that do not say theirs (kilograms when null).
 */
public record ImportOptions(ImportSource source, ZoneId timeZone, WeightUnit weightUnit) {

    public ImportOptions {
        if (source == null) {
            throw new IllegalArgumentException("source is required");
        }
        timeZone = timeZone == null ? ZoneOffset.UTC : timeZone;
        weightUnit = weightUnit == null ? WeightUnit.KG : weightUnit;
    }
}
