package app.backbone.localstack.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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

    /** Notes an insight about to be published; call it before the send, so that its arrival always finds it. */
    synchronized void published(String eventId, long dueNanos, boolean measured) {
        published.put(eventId, new Published(dueNanos, measured));
    }

    /** Notes a delivery of the insight {@code eventId} ({@code null} when the body named none). */
    synchronized void arrived(String eventId, long atNanos) {
        Published insight = eventId == null ? null : published.get(eventId);
        if (insight == null) {
            unexpected++;
        } else if (!arrived.add(eventId)) {
            duplicates++;
        } else if (insight.measured()) {
            micros.recordValue(Math.max(0, atNanos - insight.dueNanos()) / 1000);
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

    /** When the last measured insight first arrived; 0 before any did. */
    synchronized long lastMeasuredArrival() {
        return lastMeasuredArrival;
    }
}
