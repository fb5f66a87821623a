package app.backbone.program.rest;

import java.util.List;

/**
 * One exercise as prescribed: {@code sets} (up to {@code setsMax}) of {@code repsMin} to {@code repsMax} reps
 * ({@code repsMax} null = open-ended) or of {@code seconds} (up to {@code secondsMax}) of timed work;
 * {@code alternatives} are what {@code POST /programs/{id}/swaps} may replace it by.
 */
public record PrescriptionPlan(String exerciseId, String name, int sets, Integer repsMin, Integer repsMax,
        Integer seconds, boolean perSide, int restSeconds, boolean toFailure, Integer targetRir, String rationale,
        Integer setsMax, Integer secondsMax, String slot, List<AlternativePlan> alternatives) {
}
