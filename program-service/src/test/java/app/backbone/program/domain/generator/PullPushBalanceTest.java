package app.backbone.program.domain.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.backbone.program.domain.Goal;

class PullPushBalanceTest {

    private static final ExerciseCatalog CATALOG = LibraryCatalog.catalog();

    private static boolean shortOfPulling(String pull, String push) {
        return PullPushBalance.shortOfPulling(new BigDecimal(pull), new BigDecimal(push));
    }

    @Test
    void pullingIsShortBelowTwiceThePushWorkAndOnlyWithPushWorkLogged() {
        assertTrue(shortOfPulling("7.5", "4"));
        assertFalse(shortOfPulling("8", "4"));
        assertFalse(shortOfPulling("12", "0"));
        assertFalse(shortOfPulling("0", "0"));
        assertTrue(shortOfPulling("0", "1"));
    }

    @Test
    void theAccessoryIsAScapularRetractionDrillOfTwoToThreeSetsOfTwelveToFifteenNotInTheSession() {
        ProgramSpec member = new ProgramSpec(Goal.HYPERTROPHY, null, null, Set.of(), 1, false, false);
        Prescription accessory = PullPushBalance.accessory(member, List.of(), CATALOG, "balance").orElseThrow();

        assertEquals(MovementPattern.SCAPULAR_RETRACTION, CATALOG.find(accessory.exerciseId()).orElseThrow().pattern());
        assertEquals("2-3 x 12-15", accessory.dose());
        assertEquals("balance", accessory.rationale());

        Prescription next = PullPushBalance.accessory(member, List.of(accessory), CATALOG, "balance").orElseThrow();
        assertFalse(next.exerciseId().equals(accessory.exerciseId()), "not one already in the session");
    }

    @Test
    void theAccessoryRespectsEquipmentAndConditions() {
        ProgramSpec bodyweight = new ProgramSpec(Goal.BACK_HEALTH, null, EnumSet.noneOf(Equipment.class),
                Set.of(Condition.SHOULDER_PAIN), 1, false, false);
        PullPushBalance.accessory(bodyweight, List.of(), CATALOG, "balance").ifPresent(p -> {
            CatalogEntry entry = CATALOG.find(p.exerciseId()).orElseThrow();
            assertTrue(bodyweight.allows(entry), entry::toString);
        });
        ProgramSpec bands = new ProgramSpec(Goal.BACK_HEALTH, null, EnumSet.of(Equipment.RESISTANCE_BAND), Set.of(),
                1, false, false);
        CatalogEntry picked = CATALOG.find(PullPushBalance.accessory(bands, List.of(), CATALOG, "balance")
                .orElseThrow().exerciseId()).orElseThrow();
        assertTrue(picked.equipment().stream().allMatch(bands::has), picked::toString);
    }
}
