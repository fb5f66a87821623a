package app.backbone.logging.domain.figures;

import static app.backbone.logging.domain.figures.Fixtures.kg;
import static app.backbone.logging.domain.figures.Fixtures.set;
import static app.backbone.logging.domain.figures.Fixtures.timed;
import static app.backbone.logging.domain.figures.Fixtures.warmup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SetMathTest {

    @Test
    void warmUpsAreNotWorkingSetsAndAddNothing() {
        LoggedSet warmup = warmup(10, "40");
        assertFalse(SetMath.isWorking(warmup));
        assertFalse(SetMath.isHardEffort(warmup));
        assertEquals(0, SetMath.tonnageKg(warmup).signum());
        assertEquals(0, SetMath.reps(warmup));
        assertNull(SetMath.e1rmKg(warmup));
    }

    @Test
    void tonnageIsRepsTimesLoad() {
        assertEquals(0, kg("825").compareTo(SetMath.tonnageKg(set(10, "82.5", 2))));
    }

    @Test
    void unloadedSetsAddRepsButNoTonnageAndNoE1rm() {
        LoggedSet pullUp = set(8, null, 2);
        assertEquals(8, SetMath.reps(pullUp));
        assertEquals(0, SetMath.tonnageKg(pullUp).signum());
        assertNull(SetMath.e1rmKg(pullUp));
        assertTrue(SetMath.isHardEffort(pullUp));
    }

    @Test
    void timedSetsAddNoRepsNoTonnageAndCountHardWithoutRir() {
        LoggedSet plank = timed(45);
        assertTrue(SetMath.isWorking(plank));
        assertEquals(0, SetMath.reps(plank));
        assertEquals(0, SetMath.tonnageKg(plank).signum());
        assertNull(SetMath.e1rmKg(plank));
        assertTrue(SetMath.isHardEffort(plank));
    }

    @Test
    void missingRirCountsAsHardAndE1rmTakesRirZero() {
        LoggedSet noRir = set(10, "60", null);
        assertTrue(SetMath.isHardEffort(noRir));
        // 60 * (1 + 10/30) = 80
        assertEquals(kg("80.00"), SetMath.e1rmKg(noRir));
    }

    @Test
    void hardSetIsFailureOrRirAtMostThree() {
        assertTrue(SetMath.isHardEffort(set(10, "60", 3)));
        assertFalse(SetMath.isHardEffort(set(10, "60", 4)));
        assertTrue(SetMath.isHardEffort(new LoggedSet(10, kg("60"), 5, true, null, false)));
    }

    @Test
    void e1rmIsEpleyAdjustedForRepsInReserve() {
        // 100 * (1 + (5 + 2) / 30) = 100 * 37 / 30 = 123.333... -> 123.33
        assertEquals(kg("123.33"), SetMath.e1rmKg(set(5, "100", 2)));
        // 82.5 * (1 + (8 + 2) / 30) = 82.5 * 40 / 30 = 110
        assertEquals(kg("110.00"), SetMath.e1rmKg(set(8, "82.5", 2)));
        // 61 * 38 / 30 = 77.2666... -> 77.27 (HALF_UP)
        assertEquals(kg("77.27"), SetMath.e1rmKg(set(6, "61", 2)));
    }

    @Test
    void repsPlusRirOverTwelveGiveNoE1rm() {
        // reps + rir = 12 still qualifies: 48 * (1 + 12 / 30) = 48 * 42 / 30 = 67.2
        assertEquals(kg("67.20"), SetMath.e1rmKg(set(10, "48", 2)));
        assertNull(SetMath.e1rmKg(set(10, "48", 3)));
        assertNull(SetMath.e1rmKg(set(13, "48", null)));
    }

    @Test
    void singleAtRirZeroIsItsLoad() {
        assertEquals(kg("140.00"), SetMath.e1rmKg(set(1, "140", 0)));
        assertEquals(kg("140.00"), SetMath.e1rmKg(set(1, "140", null)));
        // a single with one rep in reserve is an estimate: 140 * 32 / 30 = 149.333... -> 149.33
        assertEquals(kg("149.33"), SetMath.e1rmKg(set(1, "140", 1)));
    }

    @Test
    void zeroRepsGiveNoE1rm() {
        assertNull(SetMath.e1rmKg(set(0, "140", 0)));
    }

    @Test
    void invalidSetsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> set(5, "-1", 2));
        assertThrows(IllegalArgumentException.class, () -> set(5, "60", 11));
        assertThrows(IllegalArgumentException.class, () -> set(-1, "60", 2));
    }
}
