package app.backbone.localstack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SteadyRateTest {

    @Test
    void countsTheSendsOfAPeriod() {
        assertEquals(3_000, new SteadyRate(50).count(Duration.ofSeconds(60)));
        assertEquals(25, new SteadyRate(50).count(Duration.ofMillis(500)));
        assertEquals(0, new SteadyRate(50).count(Duration.ZERO));
    }

    @Test
    void sendsAreDueAtEvenIntervalsFromTheStartWithoutDrift() {
        SteadyRate three = new SteadyRate(3);
        assertEquals(1_000, three.dueNanos(1_000, 0));
        assertEquals(1_000 + 333_333_333, three.dueNanos(1_000, 1));
        assertEquals(1_000 + 666_666_666, three.dueNanos(1_000, 2));
        assertEquals(1_000 + 1_000_000_000L, three.dueNanos(1_000, 3));
        assertEquals(-5 + 3_600_000_000_000L, three.dueNanos(-5, 3 * 3_600));
    }

    @Test
    void aLateSendIsDueAtOnce() {
        long start = System.nanoTime() - 10_000_000_000L;
        assertEquals(start + 1_000_000_000L, new SteadyRate(1).awaitDue(start, 1));
    }

    @Test
    void refusesARateBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new SteadyRate(0));
    }
}
