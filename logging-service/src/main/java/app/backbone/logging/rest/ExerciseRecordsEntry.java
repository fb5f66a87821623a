package app.backbone.logging.rest;

/** The records of one exercise. */
public record ExerciseRecordsEntry(String exerciseId, PersonalRecordsResponse records) {
}
