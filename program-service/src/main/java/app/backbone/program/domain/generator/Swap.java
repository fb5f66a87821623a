package app.backbone.program.domain.generator;

import java.time.Instant;

/**
 * A trainer's replacement of a prescribed exercise by one of its alternatives, in every week of the cycle;
 * {@code sessionIndex} null means in every session of the week that holds it.
 */
public record Swap(String exerciseId, String replacementExerciseId, Integer sessionIndex, Instant swappedAt) {
}
