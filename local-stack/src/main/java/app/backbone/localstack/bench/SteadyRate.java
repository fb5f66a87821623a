package app.backbone.localstack.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop schedule: send {@code i} is due {@code i / perSecond} seconds after the start, whenever the sends
 * before it went out, so a stall shows as latency of the sends it delayed rather than as fewer sends.
 */
record SteadyRate(int perSecond) {

    SteadyRate {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("A rate must be positive, not " + perSecond);
        }
    }

    /** How many sends a period holds. */
    long count(Duration period) {
        return perSecond * period.toMillis() / 1000;
    }

    /** When send {@code i} is due, in {@link System#nanoTime} of a schedule started at {@code startNanos}. */
    long dueNanos(long startNanos, long i) {
        return startNanos + i * 1_000_000_000L / perSecond;
    }

    /** Parks until send {@code i} is due (at once if it is late); answers its due time. */
    long awaitDue(long startNanos, long i) {
        long due = dueNanos(startNanos, i);
        parkUntil(due);
        return due;
    }

    /** Parks until {@link System#nanoTime} reaches {@code nanoTime}. */
    static void parkUntil(long nanoTime) {
        for (long wait = nanoTime - System.nanoTime(); wait > 0; wait = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }
}
