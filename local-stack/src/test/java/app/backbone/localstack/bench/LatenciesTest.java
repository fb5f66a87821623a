package app.backbone.localstack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void nearestRankInMillisecondsWithinAThousandth() {
        Histogram micros = Latencies.micros();
        for (long ms = 100; ms >= 1; ms--) {
            micros.recordValue(ms * 1000);
        }
        assertEquals(50, Latencies.millis(micros, 50), 0.05);
        assertEquals(95, Latencies.millis(micros, 95), 0.095);
        assertEquals(99, Latencies.millis(micros, 99), 0.099);
        assertEquals(100, Latencies.millis(micros, 100), 0.1);
    }

    @Test
    void aFewSamplesRoundUpToTheNextRank() {
        Histogram micros = Latencies.micros();
        for (long value : new long[] {10, 20, 30, 40, 50, 60, 70, 80, 90, 1000}) {
            micros.recordValue(value);
        }
        assertEquals(1.0, Latencies.millis(micros, 99), 0.001);
        assertEquals(1.0, Latencies.millis(micros, 91), 0.001);
        assertEquals(0.09, Latencies.millis(micros, 90), 1e-9);
    }

    @Test
    void keepsLongLatenciesAndHasNoneWithoutSamples() {
        Histogram micros = Latencies.micros();
        assertTrue(Double.isNaN(Latencies.millis(micros, 50)));
        micros.recordValueWithCount(30_000_000, 3);
        assertEquals(30_000, Latencies.millis(micros, 50), 30);
    }
}
