package app.backbone.logging.rest;

import java.util.List;

/** A member's records, per exercise. */
public record RecordsResponse(String memberId, List<ExerciseRecordsEntry> exercises) {
}
