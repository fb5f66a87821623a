package app.backbone.logging.domain.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Parsing and bounds of the numbers a set is made of; each failure is a {@link BadValue} naming its column. */
final class Values {

    static final int MAX_REPS = 1000;
    static final BigDecimal MAX_LOAD_KG = new BigDecimal("1000");
    static final int MAX_SECONDS = 36_000;

    private Values() {
    }

    /** A decimal as the apps write it: {@code 62.5} or, with a decimal comma, {@code 62,5}; null when empty. */
    static BigDecimal decimal(String text, String field) {
        if (text.isEmpty()) {
            return null;
        }
        String plain = text.indexOf('.') < 0 ? text.replace(',', '.') : text;
        try {
            return new BigDecimal(plain);
        } catch (NumberFormatException e) {
            throw new BadValue(field, "'" + text + "' is not a number");
        }
    }

    /** A whole number in {@code 0..max} (Strong writes {@code 15.0}); null when empty. */
    static Integer count(String text, String field, int max) {
        BigDecimal value = decimal(text, field);
        if (value == null) {
            return null;
        }
        if (value.stripTrailingZeros().scale() > 0) {
            throw new BadValue(field, "'" + text + "' is not a whole number");
        }
        if (value.signum() < 0) {
            throw new BadValue(field, text + " is negative");
        }
        if (value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new BadValue(field, text + " is more than " + max);
        }
        return value.intValueExact();
    }

    /** A load in kilograms, null for none (empty or 0), at most {@link #MAX_LOAD_KG}. */
    static BigDecimal loadKg(String text, WeightUnit unit, String field) {
        BigDecimal weight = decimal(text, field);
        if (weight == null || weight.signum() == 0) {
            return null;
        }
        if (weight.signum() < 0) {
            throw new BadValue(field, text + " is negative");
        }
        BigDecimal kg = unit.toKg(weight);
        if (kg.compareTo(MAX_LOAD_KG) > 0) {
            throw new BadValue(field, kg.toPlainString() + " kg is more than " + MAX_LOAD_KG + " kg");
        }
        return kg;
    }

    /** Seconds of a timed set, null for none (empty or 0). */
    static Integer seconds(String text, String field) {
        Integer seconds = count(text, field, MAX_SECONDS);
        return seconds == null || seconds == 0 ? null : seconds;
    }

    /** Reps in reserve from an RPE in 1..10: {@code 10 - RPE} rounded down to a whole rep; null when empty. */
    static Integer rirFromRpe(String text, String field) {
        BigDecimal rpe = decimal(text, field);
        if (rpe == null) {
            return null;
        }
        if (rpe.compareTo(BigDecimal.ONE) < 0 || rpe.compareTo(BigDecimal.TEN) > 0) {
            throw new BadValue(field, "RPE " + text + " is outside 1..10");
        }
        return BigDecimal.TEN.subtract(rpe).setScale(0, RoundingMode.FLOOR).intValueExact();
    }

    /** True when a distance is written and is more than zero. */
    static boolean hasDistance(String text, String field) {
        BigDecimal distance = decimal(text, field);
        return distance != null && distance.signum() > 0;
    }
}
