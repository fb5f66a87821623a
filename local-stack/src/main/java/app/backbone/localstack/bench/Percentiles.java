package app.backbone.localstack.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of samples (e.g. latencies in microseconds). */
public final class Percentiles {

    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    /** Takes the first {@code count} samples (copied, not changed). */
    public static Percentiles of(long[] samples, int count) {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return new Percentiles(sorted);
    }

    public static Percentiles of(long... samples) {
        return of(samples, samples.length);
    }

    public int count() {
        return sorted.length;
    }

    /**
     * The smallest sample that at least {@code p} percent of the samples do not exceed; {@code p = 100} is the
     * maximum. Fails when there are no samples.
     */
    public long at(double p) {
        if (sorted.length == 0) {
            throw new IllegalStateException("No samples");
        }
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("Percentile out of 0-100: " + p);
        }
        int rank = (int) Math.ceil(p * sorted.length / 100.0);
        return sorted[Math.max(0, rank - 1)];
    }

    public long max() {
        return at(100);
    }
}
