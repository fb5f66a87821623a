package app.backbone.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import app.backbone.system.CompletedSession.Entry;
import app.backbone.system.CompletedSession.Prescription;

/**
 * What logging-service should answer, computed here from the sessions sent and DESIGN.md's formulas
 * ("Volume and progression"), independently of the service's code. Kilogram figures have 2 decimals
 * (HALF_UP), hard sets per muscle 1 decimal, the pull:push ratio 2 decimals.
 */
public final class ExpectedFigures {

    private static final Set<String> PULLS = Set.of("HORIZONTAL_PULL", "VERTICAL_PULL", "STRAIGHT_ARM_PULL",
            "SCAPULAR_RETRACTION");
    private static final Set<String> PUSHES = Set.of("HORIZONTAL_PUSH");

    private ExpectedFigures() {
    }

    /** Catalog facts of an exercise, as catalog-service answers them. */
    public record Facts(String category, String movementPattern, List<String> primaryMuscles,
            List<String> secondaryMuscles) {

        /** Only strength work makes hard sets; mobility, stretch and soft-tissue work never does. */
        boolean strength() {
            return "STRENGTH".equals(category);
        }
    }

    /** One ISO week of a member. */
    public record Week(String week, int sessions, int sets, int reps, BigDecimal tonnageKg,
            Map<String, BigDecimal> hardSetsByMuscle, Map<String, Integer> sessionsByMuscle, int pullHardSets,
            int pushHardSets, BigDecimal pullPushRatio) {
    }

    /** One session of one exercise. */
    public record Point(String sessionId, int workingSets, Integer fewestReps, BigDecimal topLoadKg,
            Integer topReps, BigDecimal bestE1rmKg, BigDecimal tonnageKg) {
    }

    /** A record and the session that set it first. */
    public record Best(BigDecimal kg, String sessionId) {
    }

    /** Personal records on one exercise. */
    public record Records(Best heaviestLoad, Best bestE1rm, Map<BigDecimal, Integer> mostRepsByLoadKg,
            Best bestSessionTonnage) {
    }

    /** The double-progression answer. */
    public record Advice(String action, BigDecimal nextLoadKg) {
    }

    /** One exercise's history. */
    public record Progression(List<Point> series, Records records, Advice recommendation) {
    }

    private static boolean isWorking(CompletedSession.SetDone set) {
        return !set.warmup();
    }

    private static boolean isHard(CompletedSession.SetDone set, Facts exercise) {
        return isWorking(set) && exercise.strength() && (set.toFailure() || set.rir() == null || set.rir() <= 3);
    }

    private static boolean isLoaded(CompletedSession.SetDone set) {
        return set.loadKg() != null && set.loadKg().signum() > 0;
    }

    /** Epley adjusted for reps in reserve, for loaded working sets with reps + rir up to 12. */
    private static BigDecimal e1rm(CompletedSession.SetDone set) {
        if (!isWorking(set) || !isLoaded(set) || set.reps() == null || set.reps() < 1) {
            return null;
        }
        int effort = set.reps() + (set.rir() == null ? 0 : set.rir());
        if (effort > 12) {
            return null;
        }
        if (effort == 1) {
            return kg(set.loadKg());
        }
        return set.loadKg().multiply(BigDecimal.ONE.add(BigDecimal.valueOf(effort)
                .divide(BigDecimal.valueOf(30), 20, RoundingMode.HALF_UP))).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal tonnage(CompletedSession.SetDone set) {
        return isWorking(set) && isLoaded(set) && set.reps() != null
                ? set.loadKg().multiply(BigDecimal.valueOf(set.reps())) : BigDecimal.ZERO;
    }

    /** The ISO week (UTC) of a session, as {@code 2026-W07}. */
    private static String weekOf(CompletedSession session) {
        return weekOf(session.completedAt().atZone(ZoneOffset.UTC).toLocalDate());
    }

    private static String weekOf(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Every ISO week from the week of {@code from} to the week of {@code to}, empty weeks included. */
    public static List<Week> weeks(Collection<CompletedSession> sessions, Map<String, Facts> facts, LocalDate from,
            LocalDate to) {
        List<Week> weeks = new ArrayList<>();
        LocalDate last = to.with(DayOfWeek.MONDAY);
        for (LocalDate monday = from.with(DayOfWeek.MONDAY); !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            String week = weekOf(monday);
            weeks.add(week(week, sessions.stream().filter(s -> weekOf(s).equals(week)).toList(), facts));
        }
        return weeks;
    }

    private static Week week(String week, List<CompletedSession> sessions, Map<String, Facts> facts) {
        int sets = 0;
        int reps = 0;
        BigDecimal tonnage = BigDecimal.ZERO;
        TreeMap<String, BigDecimal> hardSets = new TreeMap<>();
        TreeMap<String, Integer> sessionsByMuscle = new TreeMap<>();
        int pull = 0;
        int push = 0;
        for (CompletedSession session : sessions) {
            Set<String> trained = new HashSet<>();
            for (Entry entry : session.exercises()) {
                Facts exercise = facts.get(entry.exerciseId());
                for (CompletedSession.SetDone set : entry.sets()) {
                    if (!isWorking(set)) {
                        continue;
                    }
                    sets++;
                    reps += set.reps() == null ? 0 : set.reps();
                    tonnage = tonnage.add(tonnage(set));
                    if (!exercise.strength()) {
                        trained.addAll(exercise.primaryMuscles());
                        trained.addAll(exercise.secondaryMuscles());
                    }
                    if (!isHard(set, exercise)) {
                        continue;
                    }
                    for (String muscle : exercise.secondaryMuscles()) {
                        if (!exercise.primaryMuscles().contains(muscle)) {
                            hardSets.merge(muscle, new BigDecimal("0.5"), BigDecimal::add);
                        }
                        trained.add(muscle);
                    }
                    for (String muscle : exercise.primaryMuscles()) {
                        hardSets.merge(muscle, BigDecimal.ONE, BigDecimal::add);
                        trained.add(muscle);
                    }
                    pull += PULLS.contains(exercise.movementPattern()) ? 1 : 0;
                    push += PUSHES.contains(exercise.movementPattern()) ? 1 : 0;
                }
            }
            trained.forEach(muscle -> sessionsByMuscle.merge(muscle, 1, Integer::sum));
        }
        BigDecimal ratio = push == 0 ? null
                : BigDecimal.valueOf(pull).divide(BigDecimal.valueOf(push), 2, RoundingMode.HALF_UP);
        return new Week(week, sessions.size(), sets, reps, tonnage, hardSets, sessionsByMuscle, pull, push, ratio);
    }

    /** The history of one exercise over these sessions of a member; null when none has it. */
    public static Progression progression(Collection<CompletedSession> sessions, String exerciseId, Facts facts) {
        List<CompletedSession> chronological = sessions.stream()
                .filter(s -> s.exercises().stream().anyMatch(e -> e.exerciseId().equals(exerciseId)))
                .sorted(Comparator.comparing(CompletedSession::completedAt).thenComparing(CompletedSession::sessionId))
                .toList();
        if (chronological.isEmpty()) {
            return null;
        }
        List<Point> series = new ArrayList<>();
        Best heaviest = null;
        Best bestE1rm = null;
        Best bestTonnage = null;
        TreeMap<BigDecimal, Integer> mostReps = new TreeMap<>();
        for (CompletedSession session : chronological) {
            List<CompletedSession.SetDone> sets = session.exercises().stream()
                    .filter(e -> e.exerciseId().equals(exerciseId)).flatMap(e -> e.sets().stream())
                    .filter(ExpectedFigures::isWorking).toList();
            Point point = point(session.sessionId(), sets);
            series.add(point);
            heaviest = better(heaviest, point.topLoadKg(), session);
            bestE1rm = better(bestE1rm, point.bestE1rmKg(), session);
            bestTonnage = better(bestTonnage, point.tonnageKg().signum() > 0 ? point.tonnageKg() : null, session);
            for (CompletedSession.SetDone set : sets) {
                if (set.reps() != null) {
                    mostReps.merge(isLoaded(set) ? kg(set.loadKg()) : kg(BigDecimal.ZERO), set.reps(), Math::max);
                }
            }
        }
        return new Progression(series, new Records(heaviest, bestE1rm, mostReps, bestTonnage),
                advice(chronological, series, exerciseId, facts));
    }

    private static Point point(String sessionId, List<CompletedSession.SetDone> working) {
        Integer fewest = working.stream().filter(s -> s.reps() != null).map(CompletedSession.SetDone::reps)
                .min(Integer::compare).orElse(null);
        CompletedSession.SetDone top = working.stream().filter(ExpectedFigures::isLoaded)
                .max(Comparator.comparing(CompletedSession.SetDone::loadKg)
                        .thenComparing(s -> s.reps() == null ? 0 : s.reps()))
                .orElse(null);
        BigDecimal best = working.stream().map(ExpectedFigures::e1rm).filter(v -> v != null)
                .max(BigDecimal::compareTo).orElse(null);
        BigDecimal tonnage = working.stream().map(ExpectedFigures::tonnage).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Point(sessionId, working.size(), fewest, top == null ? null : kg(top.loadKg()),
                top == null ? null : top.reps(), best, tonnage);
    }

    private static Best better(Best current, BigDecimal candidate, CompletedSession session) {
        if (candidate == null || (current != null && candidate.compareTo(current.kg()) <= 0)) {
            return current;
        }
        return new Best(candidate, session.sessionId());
    }

    /**
     * Double progression against the latest session's prescription: at least the prescribed number of working sets,
     * every one at repsMax (repsMin + 5 for an open-ended range): INCREASE by 2.5 kg (5 kg for a hip hinge); a
     * working set below repsMin in each of the last two sessions at
     * the same or a higher load: DELOAD to 90%, to the nearest 0.5 kg; otherwise HOLD at the latest top load.
     */
    private static Advice advice(List<CompletedSession> chronological, List<Point> series, String exerciseId,
            Facts facts) {
        Point latest = series.get(series.size() - 1);
        Prescription range = prescription(chronological.get(chronological.size() - 1), exerciseId);
        BigDecimal top = latest.topLoadKg();
        if (range == null || range.repsMin() == null || latest.fewestReps() == null) {
            return new Advice("HOLD", top);
        }
        int bar = range.repsMax() != null ? range.repsMax() : range.repsMin() + 5;
        if (latest.workingSets() >= range.sets() && latest.fewestReps() >= bar) {
            BigDecimal step = "HIP_HINGE".equals(facts.movementPattern()) ? new BigDecimal("5") : new BigDecimal("2.5");
            return new Advice("INCREASE", top == null ? null : top.add(step));
        }
        if (series.size() > 1 && latest.fewestReps() < range.repsMin()) {
            Point previous = series.get(series.size() - 2);
            Prescription previousRange = prescription(chronological.get(chronological.size() - 2), exerciseId);
            boolean previousBelow = previousRange != null && previousRange.repsMin() != null
                    && previous.fewestReps() != null && previous.fewestReps() < previousRange.repsMin();
            if (previousBelow && orZero(top).compareTo(orZero(previous.topLoadKg())) >= 0) {
                return new Advice("DELOAD", top == null ? null : top.multiply(new BigDecimal("1.8"))
                        .setScale(0, RoundingMode.HALF_UP).divide(BigDecimal.valueOf(2)));
            }
        }
        return new Advice("HOLD", top);
    }

    /**
     * An insight logging-service should publish on {@code training.insights}: its type, member, exercise and session
     * and, for a record, its kind and (most reps at a load) the load.
     */
    public record ExpectedInsight(String type, String memberId, String exerciseId, String sessionId, String kind,
            BigDecimal loadKg) {

        /** The same facts read from a published insight. */
        public static ExpectedInsight of(JsonNode insight) {
            JsonNode record = insight.path("record");
            return new ExpectedInsight(insight.get("type").asText(), insight.get("memberId").asText(),
                    insight.get("exerciseId").asText(), insight.get("sessionId").asText(),
                    record.isMissingNode() ? null : record.get("kind").asText(),
                    record.path("loadKg").isNumber() ? kg(record.get("loadKg").decimalValue()) : null);
        }
    }

    /**
     * The insights a member's sessions should announce when stored in this order: a record whenever a session beats
     * the best of every session stored before it, whatever their dates (a first value beats nothing; most reps at a
     * load only above reps done before at that load), and a deload whenever a session turns an exercise's
     * recommendation to {@code DELOAD}.
     */
    public static List<ExpectedInsight> insights(List<CompletedSession> inStoredOrder, Map<String, Facts> facts) {
        List<ExpectedInsight> insights = new ArrayList<>();
        for (int i = 0; i < inStoredOrder.size(); i++) {
            CompletedSession session = inStoredOrder.get(i);
            List<CompletedSession> before = inStoredOrder.subList(0, i);
            List<CompletedSession> after = inStoredOrder.subList(0, i + 1);
            for (String exercise : session.exercises().stream().map(Entry::exerciseId).distinct().toList()) {
                Progression was = progression(before, exercise, facts.get(exercise));
                Progression is = progression(after, exercise, facts.get(exercise));
                Records old = was == null ? new Records(null, null, Map.of(), null) : was.records();
                Records now = is.records();
                String member = session.memberId();
                String id = session.sessionId();
                if (beats(now.heaviestLoad(), old.heaviestLoad())) {
                    insights.add(new ExpectedInsight("RECORD_ACHIEVED", member, exercise, id, "HEAVIEST_LOAD", null));
                }
                if (beats(now.bestE1rm(), old.bestE1rm())) {
                    insights.add(new ExpectedInsight("RECORD_ACHIEVED", member, exercise, id, "BEST_E1RM", null));
                }
                now.mostRepsByLoadKg().forEach((load, reps) -> {
                    Integer previous = old.mostRepsByLoadKg().get(load);
                    if (previous != null && reps > previous) {
                        insights.add(new ExpectedInsight("RECORD_ACHIEVED", member, exercise, id,
                                "MOST_REPS_AT_LOAD", load));
                    }
                });
                if (beats(now.bestSessionTonnage(), old.bestSessionTonnage())) {
                    insights.add(new ExpectedInsight("RECORD_ACHIEVED", member, exercise, id, "BEST_SESSION_TONNAGE",
                            null));
                }
                boolean wasDeload = was != null && was.recommendation().action().equals("DELOAD");
                if (!wasDeload && is.recommendation().action().equals("DELOAD")) {
                    insights.add(new ExpectedInsight("DELOAD_RECOMMENDED", member, exercise, id, null, null));
                }
            }
        }
        return insights;
    }

    private static boolean beats(Best now, Best old) {
        return now != null && old != null && now.kg().compareTo(old.kg()) > 0;
    }

    /** Asserts that the {@code weeks} of a volume answer are these. */
    public static void assertWeeks(List<Week> expected, JsonNode volume) {
        JsonNode weeks = volume.get("weeks");
        assertEquals(expected.size(), weeks.size(), () -> "weeks of " + volume);
        for (int i = 0; i < expected.size(); i++) {
            Week want = expected.get(i);
            JsonNode got = weeks.get(i);
            String where = want.week() + " in " + got;
            assertEquals(want.week(), got.get("week").asText(), where);
            assertEquals(want.sessions(), got.get("sessions").asInt(), () -> "sessions, " + where);
            assertEquals(want.sets(), got.get("sets").asInt(), () -> "sets, " + where);
            assertEquals(want.reps(), got.get("reps").asInt(), () -> "reps, " + where);
            assertKg(want.tonnageKg(), got.get("tonnageKg"), "tonnageKg, " + where);
            Map<String, BigDecimal> hardSets = new TreeMap<>();
            got.get("hardSetsByMuscle").fields().forEachRemaining(f -> hardSets.put(f.getKey(), decimal(f.getValue())));
            assertEquals(normalised(want.hardSetsByMuscle()), normalised(hardSets), () -> "hardSetsByMuscle, " + where);
            Map<String, Integer> sessionsByMuscle = new TreeMap<>();
            got.get("sessionsByMuscle").fields().forEachRemaining(f -> sessionsByMuscle.put(f.getKey(),
                    f.getValue().asInt()));
            assertEquals(want.sessionsByMuscle(), sessionsByMuscle, () -> "sessionsByMuscle, " + where);
            assertEquals(want.pullHardSets(), got.get("pullHardSets").asInt(), () -> "pullHardSets, " + where);
            assertEquals(want.pushHardSets(), got.get("pushHardSets").asInt(), () -> "pushHardSets, " + where);
            assertKg(want.pullPushRatio(), got.get("pullPushRatio"), "pullPushRatio, " + where);
            assertEquals(0, got.get("exercisesWithoutFacts").size(), () -> "exercisesWithoutFacts, " + where);
        }
    }

    /** Asserts a progression answer: its series, records and recommendation. */
    public static void assertProgression(Progression expected, JsonNode progression) {
        JsonNode series = progression.get("series");
        assertEquals(expected.series().size(), series.size(), () -> "series of " + progression);
        for (int i = 0; i < expected.series().size(); i++) {
            Point want = expected.series().get(i);
            JsonNode got = series.get(i);
            String where = "point " + i + " of " + progression;
            assertEquals(want.sessionId(), got.get("sessionId").asText(), where);
            assertEquals(want.workingSets(), got.get("workingSets").asInt(), where);
            assertEquals(want.fewestReps(), got.get("fewestReps").isNull() ? null : got.get("fewestReps").asInt(),
                    where);
            JsonNode top = got.get("topSet");
            assertKg(want.topLoadKg(), top.isNull() ? top : top.get("loadKg"), "top load, " + where);
            if (want.topReps() != null) {
                assertEquals(want.topReps(), top.get("reps").asInt(), where);
            }
            assertKg(want.bestE1rmKg(), got.get("bestE1rmKg"), "bestE1rmKg, " + where);
            assertKg(want.tonnageKg(), got.get("tonnageKg"), "tonnageKg, " + where);
        }
        assertRecords(expected.records(), progression.get("records"));
        JsonNode advice = progression.get("recommendation");
        assertEquals(expected.recommendation().action(), advice.get("action").asText(), () -> "action of " + advice);
        assertKg(expected.recommendation().nextLoadKg(), advice.get("nextLoadKg"), "nextLoadKg of " + advice);
    }

    /** Asserts the records of one exercise. */
    public static void assertRecords(Records expected, JsonNode records) {
        assertBest(expected.heaviestLoad(), records.get("heaviestLoad"), "heaviestLoad of " + records);
        assertBest(expected.bestE1rm(), records.get("bestE1rm"), "bestE1rm of " + records);
        assertBest(expected.bestSessionTonnage(), records.get("bestSessionTonnage"),
                "bestSessionTonnage of " + records);
        Map<BigDecimal, Integer> mostReps = new TreeMap<>();
        records.get("mostRepsByLoadKg").fields().forEachRemaining(f -> mostReps.put(kg(new BigDecimal(f.getKey())),
                f.getValue().asInt()));
        assertEquals(expected.mostRepsByLoadKg(), mostReps, () -> "mostRepsByLoadKg of " + records);
    }

    private static void assertBest(Best expected, JsonNode got, String where) {
        if (expected == null) {
            assertTrue(got == null || got.isNull(), where);
            return;
        }
        assertKg(expected.kg(), got.get("kg"), where);
        assertEquals(expected.sessionId(), got.get("sessionId").asText(), where);
    }

    private static void assertKg(BigDecimal expected, JsonNode got, String where) {
        if (expected == null) {
            assertTrue(got == null || got.isNull(), () -> where + ": expected null");
            return;
        }
        assertTrue(got != null && got.isNumber(), () -> where + ": expected " + expected);
        assertEquals(0, expected.compareTo(decimal(got)), () -> where + ": expected " + expected);
    }

    private static BigDecimal decimal(JsonNode number) {
        return new BigDecimal(number.asText());
    }

    private static Map<String, BigDecimal> normalised(Map<String, BigDecimal> values) {
        Map<String, BigDecimal> result = new TreeMap<>();
        values.forEach((key, value) -> result.put(key, value.stripTrailingZeros()));
        return result;
    }

    private static Prescription prescription(CompletedSession session, String exerciseId) {
        return session.exercises().stream().filter(e -> e.exerciseId().equals(exerciseId)).findFirst()
                .map(Entry::prescription).orElse(null);
    }

    private static BigDecimal orZero(BigDecimal kg) {
        return kg == null ? BigDecimal.ZERO : kg;
    }

    private static BigDecimal kg(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
