package app.backbone.catalog.domain;

import java.util.List;

/**
 * What a catalog search asks for. Within one list any value matches; the lists combine with "and".
 *
 * @param muscles           exercises working any of these as a primary or secondary muscle
 * @param patterns          exercises of any of these movement patterns
 * @param equipment         exercises using any of these
 * @param categories        exercises of any of these categories
 * @param excludedConditions exercises contraindicated for none of these
 * @param text              words the name contains, case-insensitive; {@code null} for any name
 */
public record ExerciseFilter(List<Muscle> muscles, List<MovementPattern> patterns, List<Equipment> equipment,
        List<Category> categories, List<Contraindication> excludedConditions, String text) {
}
