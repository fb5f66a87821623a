package app.backbone.logging.domain.figures;

import static app.backbone.logging.domain.figures.Fixtures.exercise;
import static app.backbone.logging.domain.figures.Fixtures.kg;
import static app.backbone.logging.domain.figures.Fixtures.session;
import static app.backbone.logging.domain.figures.Fixtures.set;
import static app.backbone.logging.domain.figures.Fixtures.strength;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import app.backbone.logging.domain.figures.RecordBeaten.Kind;
import app.backbone.logging.domain.figures.Recommendation.Action;

class MemberStandingTest {

    private static final Prescribed RANGE_8_10 = new Prescribed(3, 8, 10);
    private static final Map<String, ExerciseFacts> FACTS = Map.of(
            "rdl", strength("rdl", "HIP_HINGE", List.of("HAMSTRINGS"), List.of()),
            "row", strength("row", "HORIZONTAL_PULL", List.of("LATS"), List.of()));

    private static LoggedSession rdl(String id, String day, String load, int... reps) {
        LoggedSet[] sets = new LoggedSet[reps.length];
        for (int i = 0; i < reps.length; i++) {
            sets[i] = set(reps[i], load, 2);
        }
        return session(id, day + "T18:00:00Z", exercise("rdl", RANGE_8_10, sets));
    }

    @Test
    void aStandingJudgesAndHoldsRecordsAsTheWholeHistoryDoesWhateverTheOrderOfItsSessions() {
        Random random = new Random(12);
        List<LoggedSession> sessions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            List<LoggedExercise> exercises = new ArrayList<>();
            for (String id : random.nextBoolean() ? List.of("rdl", "row") : List.of("row")) {
                List<LoggedSet> sets = new ArrayList<>();
                String load = String.valueOf(60 + 2.5 * random.nextInt(12));
                for (int s = 0; s < 2 + random.nextInt(3); s++) {
                    sets.add(set(6 + random.nextInt(6), random.nextInt(8) == 0 ? null : load, random.nextInt(4)));
                }
                exercises.add(new LoggedExercise(id, random.nextInt(5) == 0 ? null : RANGE_8_10, sets));
            }
            sessions.add(new LoggedSession("s" + i, Instant.parse("2026-09-01T18:00:00Z")
                    .plusSeconds(86_400L * random.nextInt(60)), exercises));
        }
        for (int round = 0; round < 5; round++) {
            Collections.shuffle(sessions, random);
            MemberStanding standing = MemberStanding.rebuild(sessions);
            for (String id : List.of("rdl", "row")) {
                ExerciseHistory whole = ExerciseHistory.rebuild(id, sessions);
                ExerciseHistory kept = standing.exercises().get(id);
                assertEquals(whole.recommendation(FACTS.get(id)), kept.recommendation(FACTS.get(id)), id);
                assertEquals(whole.records(), kept.records(), id);
                assertEquals(whole.latest(), kept.latest(), id);
                assertTrue(kept.series().size() <= ExerciseHistory.RECENT_POINTS);
            }
        }
    }

    @Test
    void aSessionAnnouncesTheRecordsItSetAgainstEverySessionBeforeItWhateverTheirDates() {
        // The first session, 3 x 8 at 100 kg, rir 2, gives the records their first values, which beat nothing:
        // heaviest 100; e1RM 100 x (1 + (8 + 2)/30) = 133.33; tonnage 3 x 8 x 100 = 2400; 8 reps at 100 kg.
        MemberStanding.Step first = MemberStanding.empty().step(rdl("s1", "2026-11-10", "100", 8, 8, 8), FACTS);
        assertEquals(List.of(), first.records());

        // Ten days later 3 x 8 at 105: heaviest 105; e1RM 105 x 40/30 = 140.00; tonnage 3 x 8 x 105 = 2520;
        // 105 kg was never lifted before, so its 8 reps beat nothing.
        MemberStanding.Step later = first.standing().step(rdl("s3", "2026-11-20", "105", 8, 8, 8), FACTS);
        assertEquals(List.of(
                new RecordBeaten("rdl", Kind.HEAVIEST_LOAD, kg("100.00"), kg("105.00"), null),
                new RecordBeaten("rdl", Kind.BEST_E1RM, kg("133.33"), kg("140.00"), null),
                new RecordBeaten("rdl", Kind.BEST_SESSION_TONNAGE, kg("2400.00"), kg("2520.00"), null)),
                later.records());

        // Arriving last, a session of the 15th, 3 x 9 at 100: 9 reps at 100 kg beat the 10th's 8, and its tonnage
        // 3 x 9 x 100 = 2700 beats the 20th's 2520; its e1RM 100 x 41/30 = 136.67 beats the earlier 10th's 133.33
        // but not the later 20th's 140, so that is no record.
        MemberStanding.Step late = later.standing().step(rdl("s2", "2026-11-15", "100", 9, 9, 9), FACTS);
        assertEquals(List.of(
                new RecordBeaten("rdl", Kind.MOST_REPS_AT_LOAD, kg("8"), kg("9"), kg("100.00")),
                new RecordBeaten("rdl", Kind.BEST_SESSION_TONNAGE, kg("2520.00"), kg("2700.00"), null)),
                late.records());

        // One of the 12th, 3 x 8 at 102.5, beats the 10th on load (102.5), e1RM (136.67) and tonnage (2460) but
        // nothing stored overall; 102.5 kg was never lifted before. It announces nothing, nor does a tie.
        assertEquals(List.of(), late.standing().step(rdl("s4", "2026-11-12", "102.5", 8, 8, 8), FACTS).records());
        assertEquals(List.of(), late.standing().step(rdl("s0", "2026-11-01", "105", 8, 8, 8), FACTS).records());
    }

    @Test
    void aDeloadIsAnnouncedWhenTheRecommendationTurnsToItAndNotWhileItStays() {
        // 8-10 reps: 7 < 8 once holds; below the range twice at the same load deloads to 90% of 100 = 90 kg.
        MemberStanding.Step once = MemberStanding.empty().step(rdl("s1", "2026-11-10", "100", 9, 8, 7), FACTS);
        assertEquals(List.of(), once.deloads());
        MemberStanding.Step twice = once.standing().step(rdl("s2", "2026-11-13", "100", 8, 7, 7), FACTS);
        assertEquals(1, twice.deloads().size());
        Recommendation deload = twice.deloads().get(0);
        assertEquals(Action.DELOAD, deload.action());
        assertEquals(kg("90.00"), deload.nextLoadKg());
        MemberStanding.Step thrice = twice.standing().step(rdl("s3", "2026-11-16", "100", 7, 7, 6), FACTS);
        assertEquals(List.of(), thrice.deloads());
        assertEquals(Action.DELOAD, thrice.standing().exercises().get("rdl").recommendation(FACTS.get("rdl"))
                .action());
    }

    @Test
    void aSessionFoldedAgainChangesNothingAndAnnouncesNothing() {
        LoggedSession s1 = rdl("s1", "2026-11-10", "100", 8, 8, 8);
        MemberStanding standing = MemberStanding.rebuild(List.of(s1, rdl("s2", "2026-11-12", "100", 9, 8, 7),
                rdl("s3", "2026-11-14", "100", 8, 7, 7)));
        MemberStanding.Step again = standing.step(s1, FACTS);
        assertEquals(standing, again.standing());
        assertEquals(List.of(), again.records());
        assertEquals(List.of(), again.deloads());
    }
}
