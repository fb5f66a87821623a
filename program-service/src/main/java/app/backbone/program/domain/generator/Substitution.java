package app.backbone.program.domain.generator;

/**
 * A template choice the member could not do and what took its place; {@code replacementExerciseId} null means the
 * slot was left out. {@code reason} names the missing equipment or the condition.
 */
public record Substitution(String slot, String originalExerciseId, String replacementExerciseId, String reason) {
}
