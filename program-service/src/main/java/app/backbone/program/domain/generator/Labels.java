package app.backbone.program.domain.generator;

import java.util.List;
import java.util.Locale;

/** Plain-language names for the vocabulary, used in substitution reasons. */
final class Labels {

    private Labels() {
    }

    static String of(Equipment equipment) {
        return switch (equipment) {
            case CABLE -> "cable machine";
            case MACHINE -> "weight machine";
            case PULL_UP_BAR -> "pull-up bar";
            case BACK_EXTENSION_BENCH -> "back-extension bench";
            default -> words(equipment);
        };
    }

    static String of(Condition condition) {
        return switch (condition) {
            case EXCESSIVE_LUMBAR_CURVE -> "an excessive lumbar curve";
            default -> words(condition);
        };
    }

    static String of(MobilityFocus focus) {
        return switch (focus) {
            case SHOULDER_FRIENDLY_ROTATION -> "shoulder-friendly rotation";
            default -> words(focus);
        };
    }

    static String of(MovementPattern pattern) {
        return words(pattern);
    }

    /** "a", "a and b", "a, b and c". */
    static String join(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String words(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
