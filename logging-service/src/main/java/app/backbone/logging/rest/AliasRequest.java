package app.backbone.logging.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The catalog exercise a name stands for. */
public record AliasRequest(@NotBlank @Size(max = 100) String exerciseId) {
}
