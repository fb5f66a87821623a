package app.backbone.program.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A trainer's swap of a prescribed exercise for one of its alternatives. */
public record SwapRequest(
        @Schema(description = "The exercise prescribed now") @NotBlank @Size(max = 100) String exerciseId,
        @Schema(description = "One of the prescription's alternatives") @NotBlank @Size(max = 100)
        String replacementExerciseId,
        @Schema(description = "Only in this session of the week (1 = session A); absent: wherever it is prescribed")
        @Min(value = 1, message = "must be 1 or 2") @Max(value = 2, message = "must be 1 or 2") Integer sessionIndex) {
}
