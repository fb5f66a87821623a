package app.backbone.program.rest;

/**
 * One exercise as prescribed: {@code sets} (up to {@code setsMax}) of {@code repsMin} to {@code repsMax} reps
 * ({@code repsMax} null = open-ended) or of {@code seconds} (up to {@code secondsMax}) of timed work.
 */
public record PrescriptionPlan(String exerciseId, String name, int sets, Integer repsMin, Integer repsMax,
        Integer seconds, boolean perSide, int restSeconds, boolean toFailure, Integer targetRir, String rationale,
        Integer setsMax, Integer secondsMax, String slot) {
}
