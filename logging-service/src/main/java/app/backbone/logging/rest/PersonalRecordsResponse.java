package app.backbone.logging.rest;

import java.math.BigDecimal;
import java.util.SortedMap;

/** A member's records on one exercise; a record never set is null. */
public record PersonalRecordsResponse(PersonalRecordResponse heaviestLoad, PersonalRecordResponse bestE1rm,
        SortedMap<BigDecimal, Integer> mostRepsByLoadKg, PersonalRecordResponse bestSessionTonnage) {
}
