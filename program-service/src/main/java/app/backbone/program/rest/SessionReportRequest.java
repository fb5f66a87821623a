package app.backbone.program.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a member did in one session of a program. */
public record SessionReportRequest(
        @Schema(description = "The chain's id of this session; with the Idempotency-Key header, makes retries safe")
        @Size(min = 1, max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+") String sessionId,
        @NotNull Instant completedAt,
        @NotEmpty @Size(max = 40) List<@Valid @NotNull ExerciseReport> exercises,
        @Schema(description = "Week of the program's cycle this session belongs to; absent: the week of the "
                + "program's next session")
        @Min(value = 1, message = "must be 1-16") @Max(value = 16, message = "must be 1-16") Integer week,
        @Schema(description = "Position of the session in its week (1 = session A); absent: the program's next "
                + "session")
        @Min(value = 1, message = "must be 1 or 2") @Max(value = 2, message = "must be 1 or 2")
        Integer sessionIndex) {

    /** One exercise with its sets. */
    public record ExerciseReport(
            @NotBlank @Size(max = 100) String exerciseId,
            @NotEmpty @Size(max = 30) List<@Valid @NotNull SetReport> sets) {
    }

    /** One set: reps for rep work, seconds for timed work. */
    public record SetReport(
            @Min(0) @Max(1000) Integer reps,
            @Schema(description = "External load in kg; null or absent for unloaded work")
            @DecimalMin("0") @DecimalMax("1000") @Digits(integer = 4, fraction = 2) BigDecimal loadKg,
            @Schema(description = "Reps in reserve, 0-10") @Min(0) @Max(10) Integer rir,
            Boolean toFailure,
            @Schema(description = "Duration of timed work") @Min(1) @Max(36000) Integer seconds,
            Boolean warmup) {

        @AssertTrue(message = "needs reps or seconds")
        @Schema(hidden = true)
        public boolean isMeasured() {
            return reps != null || seconds != null;
        }
    }
}
