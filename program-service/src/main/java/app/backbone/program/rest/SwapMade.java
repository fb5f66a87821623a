package app.backbone.program.rest;

import java.time.Instant;

/** A swap a trainer made; {@code sessionIndex} null when it applies to every session holding the exercise. */
public record SwapMade(String exerciseId, String replacementExerciseId, Integer sessionIndex, Instant swappedAt) {
}
