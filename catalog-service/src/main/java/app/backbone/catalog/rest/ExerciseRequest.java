package app.backbone.catalog.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import app.backbone.catalog.domain.Category;
import app.backbone.catalog.domain.Contraindication;
import app.backbone.catalog.domain.Equipment;
import app.backbone.catalog.domain.Laterality;
import app.backbone.catalog.domain.Measure;
import app.backbone.catalog.domain.MovementPattern;
import app.backbone.catalog.domain.Muscle;

/** A tenant's own exercise, as sent to create or replace it. */
public record ExerciseRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @NotNull Category category,
        @NotNull MovementPattern movementPattern,
        @NotEmpty @Size(max = 16) List<@NotNull Muscle> primaryMuscles,
        @Size(max = 16) List<@NotNull Muscle> secondaryMuscles,
        @NotEmpty @Size(max = 14) List<@NotNull Equipment> equipment,
        @NotNull Laterality laterality,
        @NotNull Measure measure,
        @NotNull Boolean loadable,
        @Size(max = 10) List<@NotNull Contraindication> contraindications,
        @Size(max = 20) List<@NotBlank @Size(max = 300) String> cues,
        @Size(max = 10) List<@NotNull @Pattern(regexp = "https?://\\S{1,2000}",
                message = "must be an http or https URL") String> mediaUrls) {
}
