package app.backbone.program.rest;

/** An exercise a prescription may be swapped for. */
public record AlternativePlan(String exerciseId, String name) {
}
