package app.backbone.logging.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An import of a member's history: what was asked, how far it is, and what it found. */
public record ImportResponse(
        UUID id,
        String memberId,
        @Schema(description = "STRONG, HEVY or BACKBONE (Backbone's own CSV export)") String source,
        @Schema(description = "The header variant read, e.g. strong-semicolon-de") String variant,
        boolean dryRun,
        @Schema(description = "RUNNING, DONE or FAILED") String status,
        String timeZone,
        String weightUnit,
        @Schema(description = "Data rows in the file") long rowsTotal,
        @Schema(description = "Data rows stored or checked so far") long rowsRead,
        @Schema(description = "Rows that are not sets: rest timers, distance-only cardio") long rowsSkipped,
        @Schema(description = "Whole percent of the rows read") int percentDone,
        @Schema(description = "Workouts in the file") int sessionsFound,
        int sessionsStored,
        @Schema(description = "Sessions stored before (the file or part of it was imported already)")
        int sessionsAlreadyPresent,
        @Schema(description = "Workouts left out because none of their exercises maps to the catalog")
        int sessionsWithoutExercises,
        List<UnmappedExerciseResponse> unmappedExercises,
        @Schema(description = "Unreadable values, the first 100") List<RowErrorResponse> errors,
        @Schema(description = "All unreadable values") int errorCount,
        @Schema(description = "Why a FAILED import failed") String failure,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt) {

    /** An exercise name that maps to no catalog exercise. */
    public record UnmappedExerciseResponse(String name, @Schema(description = "Set rows carrying the name") long rows,
            @Schema(description = "The closest catalog exercises, best first") List<ExerciseMatch> closest) {
    }

    /** A catalog exercise. */
    public record ExerciseMatch(String exerciseId, String name) {
    }

    /** A value the importer cannot read. */
    public record RowErrorResponse(@Schema(description = "Line of the file, 1 = the header") long line,
            @Schema(description = "The column, as the file names it") String field, String message) {
    }
}
