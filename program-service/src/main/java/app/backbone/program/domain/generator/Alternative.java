package app.backbone.program.domain.generator;

/**
 * An exercise a trainer may swap a prescription for: same pattern, allowed by the member's equipment and conditions.
 */
public record Alternative(String exerciseId, String name) {
}
