package app.backbone.localstack.bench;

import org.HdrHistogram.Histogram;

/** Latencies in microseconds in an HdrHistogram (three significant digits), read as milliseconds. */
final class Latencies {

    private Latencies() {
    }

    static Histogram micros() {
        return new Histogram(3);
    }

    /**
     * The nearest-rank percentile in milliseconds ({@code 100} is the maximum), to within the histogram's
     * precision; {@code NaN} without samples.
     */
    static double millis(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? Double.NaN : micros.getValueAtPercentile(percentile) / 1000.0;
    }
}
