package app.backbone.localstack.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfAHundredSamples() {
        long[] samples = new long[100];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 100 - i;
        }
        Percentiles p = Percentiles.of(samples);
        assertEquals(50, p.at(50));
        assertEquals(95, p.at(95));
        assertEquals(99, p.at(99));
        assertEquals(100, p.at(100));
        assertEquals(100, p.max());
        assertEquals(1, p.at(0));
        assertEquals(100, p.count());
    }

    @Test
    void medianOfThreeIsTheMiddleOne() {
        assertEquals(2400, Percentiles.of(3100, 2200, 2400).at(50));
    }

    @Test
    void aFewSamplesRoundUpToTheNextRank() {
        Percentiles p = Percentiles.of(10, 20, 30, 40, 50, 60, 70, 80, 90, 1000);
        assertEquals(1000, p.at(99));
        assertEquals(1000, p.at(91));
        assertEquals(90, p.at(90));
    }

    @Test
    void takesOnlyTheCountedSamplesAndLeavesThemAsTheyWere() {
        long[] buffer = {5, 3, 9, 0, 0};
        Percentiles p = Percentiles.of(buffer, 3);
        assertEquals(3, p.count());
        assertEquals(3, p.at(1));
        assertEquals(9, p.max());
        assertArrayEquals(new long[] {5, 3, 9, 0, 0}, buffer);
    }

    @Test
    void refusesNoSamplesAndPercentilesOutOfRange() {
        assertThrows(IllegalStateException.class, () -> Percentiles.of().at(50));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.of(1).at(101));
    }
}
