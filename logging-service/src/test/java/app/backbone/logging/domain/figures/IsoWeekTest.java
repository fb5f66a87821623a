package app.backbone.logging.domain.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

import org.junit.jupiter.api.Test;

class IsoWeekTest {

    @Test
    void sundayLateAndMondayEarlyFallInDifferentWeeksInUtc() {
        assertEquals("2026-W47", IsoWeek.of(Instant.parse("2026-11-22T23:30:00Z")).toString());
        assertEquals("2026-W48", IsoWeek.of(Instant.parse("2026-11-23T00:10:00Z")).toString());
    }

    @Test
    void yearBoundaryFollowsTheWeekBasedYear() {
        LocalDate newYearsEve = LocalDate.of(2026, 12, 31);
        IsoWeek expected = new IsoWeek(newYearsEve.get(IsoFields.WEEK_BASED_YEAR),
                newYearsEve.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        assertEquals(expected, IsoWeek.of(Instant.parse("2026-12-31T12:00:00Z")));
        assertEquals("2026-W53", expected.toString());
        assertEquals("2026-W53", IsoWeek.of(Instant.parse("2027-01-03T23:59:59Z")).toString());
        assertEquals("2027-W01", IsoWeek.of(Instant.parse("2027-01-04T00:00:00Z")).toString());
        assertEquals("2026-W01", IsoWeek.of(Instant.parse("2025-12-29T00:00:00Z")).toString());
    }

    @Test
    void weekStartsOnTheMondayOfItsWeekBasedYear() {
        assertEquals(LocalDate.of(2026, 12, 28), new IsoWeek(2026, 53).monday());
        assertEquals(LocalDate.of(2025, 12, 29), new IsoWeek(2026, 1).monday());
        assertEquals(LocalDate.of(2027, 1, 4), new IsoWeek(2027, 1).monday());
        assertEquals(new IsoWeek(2027, 1), IsoWeek.of(new IsoWeek(2026, 53).monday().plusWeeks(1)));
    }

    @Test
    void weekNumbersOutsideOneToFiftyThreeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new IsoWeek(2026, 0));
        assertThrows(IllegalArgumentException.class, () -> new IsoWeek(2026, 54));
    }
}
