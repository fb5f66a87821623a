package app.backbone.program.rest;

/**
 * A template choice the member could not do and what took its place; {@code replacementExerciseId} null means the
 * slot was left out, and {@code reason} says why.
 */
public record SubstitutionMade(String slot, String originalExerciseId, String replacementExerciseId, String reason) {
}
