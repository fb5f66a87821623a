package app.backbone.localstack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class WebhookArrivalsTest {

    private final WebhookArrivals arrivals = new WebhookArrivals();

    @Test
    void aMeasuredInsightIsTimedFromWhenItWasDueToItsFirstArrival() {
        arrivals.published("a", 1_000_000, true);
        arrivals.published("b", 2_000_000, true);
        arrivals.arrived("b", 9_000_000);
        arrivals.arrived("a", 4_000_000);
        arrivals.arrived("a", 50_000_000);
        Histogram micros = arrivals.micros();
        assertEquals(2, micros.getTotalCount());
        assertEquals(3_000, micros.getValueAtPercentile(0), 3);
        assertEquals(7_000, micros.getMaxValue(), 7);
        assertEquals(9_000_000, arrivals.lastMeasuredArrival());
        assertEquals(1, arrivals.duplicates());
    }

    @Test
    void warmUpInsightsMustArriveButAreNotTimed() {
        arrivals.published("warm", 1_000, false);
        arrivals.published("measured", 2_000, true);
        assertEquals(2, arrivals.waiting());
        arrivals.arrived("warm", 5_000_000);
        assertEquals(1, arrivals.waiting());
        assertEquals(1, arrivals.delivered());
        assertEquals(0, arrivals.micros().getTotalCount());
        assertEquals(0, arrivals.lastMeasuredArrival());
        arrivals.arrived("measured", 6_000_000);
        assertEquals(0, arrivals.waiting());
        assertEquals(2, arrivals.delivered());
    }

    @Test
    void arrivalsForNoPublishedInsightAreCountedApart() {
        arrivals.published("a", 0, true);
        arrivals.arrived("other", 10);
        arrivals.arrived(null, 10);
        assertEquals(2, arrivals.unexpected());
        assertEquals(1, arrivals.waiting());
        assertEquals(0, arrivals.delivered());
        assertEquals(0, arrivals.duplicates());
    }

    @Test
    void insightsOverASecondAreCountedByTheSecondOfTheMeasuredRunTheyWereDueIn() {
        long second = 1_000_000_000L;
        arrivals.published("warm", 0, false);
        arrivals.published("first", 10 * second, true);
        arrivals.published("quick", 10 * second + second / 2, true);
        arrivals.published("late", 12 * second + 1, true);
        arrivals.published("later", 12 * second + second / 2, true);
        arrivals.arrived("warm", 5 * second);
        arrivals.arrived("first", 11 * second + 1_000_000);
        arrivals.arrived("quick", 11 * second);
        arrivals.arrived("late", 15 * second);
        arrivals.arrived("later", 15 * second);
        assertEquals(Map.of(0L, 1, 2L, 2), arrivals.slowBySecond());
    }
}
