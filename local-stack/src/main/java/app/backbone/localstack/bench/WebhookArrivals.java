package app.backbone.localstack.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * The insights (g) published, by event id with the time each was due to be sent, against the webhook deliveries
 * that arrived for them: the latency of each measured insight from its due time to its first arrival, the insights
 * still waiting, and the arrivals that came again or for no published insight. Times are {@link System#nanoTime}.
 * Safe for the publisher and the receiver's threads together.
 */
final class WebhookArrivals {

    /** A published insight: when it was due to be sent, and whether its latency counts (not a warm-up one). */
    private record Published(long dueNanos, boolean measured) {
    }

    private final Map<String, Published> published = new HashMap<>();
    private final Set<String> arrived = new HashSet<>();
    private final Histogram micros = Latencies.micros();
    private long duplicates;
    private long unexpected;
    private long lastMeasuredArrival;
    private long firstMeasuredDue = Long.MAX_VALUE;
    /** Measured insights that took over {@link #SLOW_MICROS}, by the second of the run they were due in. */
    private final SortedMap<Long, Integer> slowBySecond = new TreeMap<>();

    static final long SLOW_MICROS = 1_000_000;

    /** Notes an insight about to be published; call it before the send, so that its arrival always finds it. */
    synchronized void published(String eventId, long dueNanos, boolean measured) {
        published.put(eventId, new Published(dueNanos, measured));
        if (measured) {
            firstMeasuredDue = Math.min(firstMeasuredDue, dueNanos);
        }
    }

    /** Notes a delivery of the insight {@code eventId} ({@code null} when the body named none). */
    synchronized void arrived(String eventId, long atNanos) {
        Published insight = eventId == null ? null : published.get(eventId);
        if (insight == null) {
            unexpected++;
        } else if (!arrived.add(eventId)) {
            duplicates++;
        } else if (insight.measured()) {
            long latency = Math.max(0, atNanos - insight.dueNanos()) / 1000;
            micros.recordValue(latency);
            if (latency > SLOW_MICROS) {
                slowBySecond.merge((insight.dueNanos() - firstMeasuredDue) / 1_000_000_000L, 1, Integer::sum);
            }
            lastMeasuredArrival = Math.max(lastMeasuredArrival, atNanos);
        }
    }

    /** Published insights that have not arrived yet. */
    synchronized long waiting() {
        return published.size() - arrived.size();
    }

    /** Published insights that arrived at least once. */
    synchronized long delivered() {
        return arrived.size();
    }

    /** Arrivals of an insight that had arrived before. */
    synchronized long duplicates() {
        return duplicates;
    }

    /** Arrivals that named no published insight. */
    synchronized long unexpected() {
        return unexpected;
    }

    /** A copy of the measured insights' latencies, in microseconds. */
    synchronized Histogram micros() {
        return micros.copy();
    }

    /** How many measured insights took over a second, by the second of the measured run they were due in. */
    synchronized SortedMap<Long, Integer> slowBySecond() {
        return new TreeMap<>(slowBySecond);
    }

    /** When the last measured insight first arrived; 0 before any did. */
    synchronized long lastMeasuredArrival() {
        return lastMeasuredArrival;
    }
}
