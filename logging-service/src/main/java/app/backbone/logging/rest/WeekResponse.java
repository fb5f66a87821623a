package app.backbone.logging.rest;

import java.math.BigDecimal;
import java.util.SortedMap;
import java.util.SortedSet;

/** What a member did in one ISO week; the figures are defined on {@code WeeklyFigures}. */
public record WeekResponse(String week, int sessions, int sets, int reps, BigDecimal tonnageKg,
        SortedMap<String, BigDecimal> hardSetsByMuscle, SortedMap<String, Integer> sessionsByMuscle,
        int pullHardSets, int pushHardSets, BigDecimal pullPushRatio, SortedSet<String> exercisesWithoutFacts) {
}
