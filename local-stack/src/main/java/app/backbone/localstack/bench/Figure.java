package app.backbone.localstack.bench;

import java.util.List;
import java.util.Locale;

/**
 * One figure of the benchmark report: what was measured, against which target, and which raw ceilings (what plain
 * clients reach on the same infrastructure in the same run) it is compared with.
 *
 * @param section  the part of the suite, e.g. {@code a}
 * @param measured the value, {@code NaN} when it could not be measured
 * @param target   the goal, or {@code null} for a figure given for information
 * @param ceilings the raw ceilings, the first of which a target {@link Target#ofCeiling() of the ceiling} refers to
 */
record Figure(String section, String name, Unit unit, double measured, Target target, List<Ceiling> ceilings) {

    public Figure {
        ceilings = List.copyOf(ceilings);
    }

    public static Figure of(String section, String name, Unit unit, double measured, Target target) {
        return new Figure(section, name, unit, measured, target, List.of());
    }

    /** How figures of a kind are written. */
    public enum Unit {
        EVENTS_PER_SECOND, REQUESTS_PER_SECOND, MICROSECONDS, MILLISECONDS, SECONDS, MEGABYTES;

        public String format(double value) {
            if (Double.isNaN(value)) {
                return "—";
            }
            return switch (this) {
                case EVENTS_PER_SECOND -> String.format(Locale.ROOT, "%,.0f events/s", value);
                case REQUESTS_PER_SECOND -> String.format(Locale.ROOT, "%,.0f requests/s", value);
                case MICROSECONDS -> String.format(Locale.ROOT, "%,.0f µs", value);
                case MILLISECONDS -> String.format(Locale.ROOT, value >= 100 || value == Math.rint(value)
                        ? "%,.0f ms" : value < 10 ? "%.2f ms" : "%.1f ms", value);
                case SECONDS -> String.format(Locale.ROOT, "%.2f s", value);
                case MEGABYTES -> String.format(Locale.ROOT, "%,.0f MB", value);
            };
        }
    }

    /**
     * A goal: at least {@code value} (throughput) or below it (latency, time, memory).
     *
     * @param ofCeiling whether {@code value} is a share of the figure's first ceiling rather than a value of its unit
     */
    public record Target(boolean atLeast, double value, boolean ofCeiling) {

        public static Target atLeast(double value) {
            return new Target(true, value, false);
        }

        public static Target below(double value) {
            return new Target(false, value, false);
        }

        /** At least {@code share} of the first ceiling, e.g. 0.8 of what plain JDBC inserts reach. */
        public static Target atLeastOfCeiling(double share) {
            return new Target(true, share, true);
        }
    }

    /** A raw ceiling measured in the same run. */
    public record Ceiling(String name, double value) {
    }

    String targetText() {
        if (target == null) {
            return "—";
        }
        return (target.atLeast() ? "≥ " : "< ") + (target.ofCeiling() ? ratio(target.value()) + " × ceiling"
                : unit.format(target.value()));
    }

    /** The target in the figure's unit: its value, or its share of the first ceiling ({@code NaN} without one). */
    private double targetValue() {
        if (!target.ofCeiling()) {
            return target.value();
        }
        return ceilings.isEmpty() ? Double.NaN : target.value() * ceilings.get(0).value();
    }

    /** The measured value over the target, e.g. {@code 0.85}; empty without a target. */
    String targetRatio() {
        return target == null || Double.isNaN(measured) || Double.isNaN(targetValue()) ? ""
                : ratio(measured / targetValue());
    }

    String ceilingRatio(Ceiling ceiling) {
        return Double.isNaN(measured) || Double.isNaN(ceiling.value()) ? "" : ratio(measured / ceiling.value());
    }

    /** {@code met}, {@code missed}, {@code not measured}, or {@code —} for a figure without a target. */
    String result() {
        if (Double.isNaN(measured) || target != null && Double.isNaN(targetValue())) {
            return "not measured";
        }
        if (target == null) {
            return "—";
        }
        boolean met = target.atLeast() ? measured >= targetValue() : measured < targetValue();
        return met ? "met" : "missed";
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
