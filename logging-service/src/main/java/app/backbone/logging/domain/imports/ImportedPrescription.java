package app.backbone.logging.domain.imports;

/** What a program prescribed for an exercise; only Backbone's own files carry one. */
public record ImportedPrescription(int sets, Integer repsMin, Integer repsMax) {
}
