package app.backbone.system;

import static app.backbone.system.CompletedSession.SetDone.toFailure;
import static app.backbone.system.CompletedSession.SetDone.warmup;
import static app.backbone.system.CompletedSession.SetDone.work;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import app.backbone.embedded.EmbeddedPostgres;
import app.backbone.system.CompletedSession.Entry;
import app.backbone.system.CompletedSession.Prescription;
import app.backbone.system.CompletedSession.SetDone;
import app.backbone.system.ExpectedFigures.Facts;

/**
 * A trainer builds a program for a member, the member reports four weeks of sessions to program-service, and
 * logging-service's volume, progression and records answers equal DESIGN.md's formulas computed here; the
 * recommendation follows double progression session by session.
 */
@SystemTest
class TrainingJourneyIT {

    private static final Duration INGEST = Duration.ofSeconds(60);
    private static final String MEMBER = "member-1";

    private final SystemStack stack;
    private final Tenant tenant;

    TrainingJourneyIT(SystemStack stack) {
        this.stack = stack;
        this.tenant = Tenant.create(stack, "journey");
    }

    @Test
    void sessionsReportedToAProgramGiveTheFiguresAndRecommendationsOfTheFormulas() throws Exception {
        JsonNode program = tenant.createProgram(MEMBER, "HYPERTROPHY");
        String programId = program.get("id").asText();
        assertEquals(program, stack.api().get(stack.url(SystemStack.PROGRAM) + "/programs/" + programId)
                .token(tenant.trainerToken()).send().expect(200).json());

        Map<String, Prescription> firstSession = Tenant.prescriptions(program,
                Api.JSON.readTree("{\"week\": 1, \"sessionIndex\": 1}"));
        Map<String, Facts> facts = new HashMap<>(tenant.facts(firstSession.keySet().toArray(String[]::new)));
        String hinge = ranged(firstSession, facts, Set.of("HIP_HINGE"));
        String row = ranged(firstSession, facts, Set.of("HORIZONTAL_PULL", "VERTICAL_PULL"));
        String push = stack.api().get(stack.url(SystemStack.CATALOG) + "/exercises?pattern=HORIZONTAL_PUSH&size=1")
                .token(tenant.trainerToken()).send().expect(200).json().at("/items/0/id").asText();
        facts.putAll(tenant.facts(push));

        LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(DayOfWeek.MONDAY).minusWeeks(5);
        List<CompletedSession> plan = List.of(
                session("j-1", monday,
                        entry(hinge, warmup(10, "40"), work(10, "60", 2), work(9, "60", 1), toFailure(8, "60")),
                        entry(row, work(12, "50", 2), work(11, "50", 2), work(10, "50", null)),
                        entry(push, work(10, "40", 4), work(8, "40", 2))),
                session("j-2", monday.plusDays(3),
                        entry(hinge, work(10, "60", 2), work(10, "60", 1), work(10, "60", 1), work(9, "60", 0)),
                        entry(row, work(12, "50", 1), work(12, "50", 1), work(12, "50", 1), work(12, "50", 1))),
                session("j-3", monday.plusWeeks(1),
                        entry(hinge, work(10, "60", 1), work(10, "60", 1), work(10, "60", 1), work(10, "60", 1)),
                        entry(row, work(9, "52.5", 0), toFailure(8, "52.5"), work(10, "52.5", 1))),
                session("j-4", monday.plusWeeks(1).plusDays(3),
                        entry(hinge, work(8, "65", 2), work(8, "65", 1), toFailure(7, "65")),
                        entry(row, toFailure(9, "52.5"), work(9, "52.5", 0), work(9, "52.5", 0))),
                session("j-5", monday.plusWeeks(3),
                        entry(hinge, work(10, "65", 2), work(10, "65", 2), work(10, "65", 2), work(10, "65", 2)),
                        entry(row, work(12, "47.5", 3), work(12, "47.5", 3), work(12, "47.5", 3),
                                work(12, "47.5", 3)),
                        entry(push, toFailure(10, "42.5"), work(12, "42.5", 0), work(15, null, 5))));
        // Reported in turn, the sessions are weeks 1-4 of the 4-week cycle, then week 1 again; week 4 is the
        // deload week, where the prescription halves the sets (the hinge's 4 x 8-10 becomes 2 x 8-10).
        Map<String, List<String>> advice = Map.of(
                hinge, List.of("HOLD 60", "HOLD 60", "INCREASE 65", "HOLD 65", "INCREASE 70"),
                row, List.of("HOLD 50", "INCREASE 52.5", "HOLD 52.5", "DELOAD 47.5", "INCREASE 50"));

        List<CompletedSession> logged = new ArrayList<>();
        JsonNode lastAnswer = null;
        for (int i = 0; i < plan.size(); i++) {
            lastAnswer = tenant.report(programId, plan.get(i)).expect(202).json();
            assertEquals(List.of(i % 4 + 1, 1), List.of(lastAnswer.get("week").asInt(),
                    lastAnswer.get("sessionIndex").asInt()), "judged against the program's next session");
            CompletedSession session = plan.get(i).prescribedBy(Tenant.prescriptions(program, lastAnswer));
            logged.add(session);
            int count = logged.size();
            await().atMost(INGEST).until(() -> tenant.sessionCount(MEMBER) == count);

            JsonNode next = awaitNextSessionFollowing(programId);
            assertEquals((i + 1) % 4 + 1, next.get("week").asInt(), "the session after the one reported");
            for (String exercise : List.of(hinge, row)) {
                ExpectedFigures.Progression expected = ExpectedFigures.progression(logged, exercise,
                        facts.get(exercise));
                JsonNode planned = prescription(next, exercise);
                if (next.get("deload").asBoolean()) {
                    // A deload week holds the last working load and halves the sets (4 become 2).
                    assertKg(expected.series().get(expected.series().size() - 1).topLoadKg(), planned.get("loadKg"),
                            exercise + " in the deload week");
                    assertEquals(2, planned.get("sets").asInt(), () -> exercise + " in the deload week");
                } else {
                    assertKg(expected.recommendation().nextLoadKg(), planned.get("loadKg"), exercise + " next time");
                    assertEquals(advice.get(exercise).get(i), "%s %s".formatted(
                            planned.get("loadReason").asText().split(":")[0],
                            planned.get("loadKg").decimalValue().stripTrailingZeros().toPlainString()),
                            () -> exercise + " next session after session " + (count) + ": " + planned);
                }
            }
            for (String exercise : List.of(hinge, row)) {
                JsonNode progression = tenant.progression(MEMBER, exercise).expect(200).json();
                ExpectedFigures.assertProgression(ExpectedFigures.progression(logged, exercise, facts.get(exercise)),
                        progression);
                JsonNode recommendation = progression.get("recommendation");
                assertEquals(advice.get(exercise).get(i), recommendation.get("action").asText() + " "
                        + recommendation.get("nextLoadKg").decimalValue().stripTrailingZeros().toPlainString(),
                        () -> exercise + " after session " + count + ": " + recommendation);
            }
        }

        CompletedSession last = logged.get(logged.size() - 1);
        assertEquals(lastAnswer, tenant.report(programId, last).expect(202).json(), "a retry answers the same");
        CompletedSession marker = session("j-6", monday.plusWeeks(3).plusDays(2),
                entry(push, work(10, "45", 1), work(10, "45", 1)));
        logged.add(marker.prescribedBy(Tenant.prescriptions(program,
                tenant.report(programId, marker).expect(202).json())));
        await().atMost(INGEST).until(() -> tenant.sessionCount(MEMBER) == logged.size());
        Map<String, Long> published = Topics.readAll(stack.kafka(), CompletedSession.TOPIC).stream()
                .map(ConsumerRecord::value).filter(value -> value != null && value.contains(tenant.id()))
                .map(TrainingJourneyIT::json).filter(event -> event.get("tenantId").asText().equals(tenant.id()))
                .collect(Collectors.groupingBy(event -> event.get("sessionId").asText(), Collectors.counting()));
        assertEquals(logged.stream().collect(Collectors.toMap(CompletedSession::sessionId, s -> 1L)), published,
                "program-service publishes each reported session once, a retry included");

        LocalDate to = monday.plusWeeks(3).plusDays(6);
        ExpectedFigures.assertWeeks(ExpectedFigures.weeks(logged, facts, monday, to),
                tenant.volume(MEMBER, monday, to));
        JsonNode records = tenant.records(MEMBER).get("exercises");
        assertEquals(3, records.size(), () -> "records per exercise: " + records);
        for (JsonNode entry : records) {
            String exercise = entry.get("exerciseId").asText();
            ExpectedFigures.assertRecords(ExpectedFigures.progression(logged, exercise, facts.get(exercise))
                    .records(), entry.get("records"));
        }
        Map<ExpectedFigures.ExpectedInsight, Long> insights = new HashMap<>();
        ExpectedFigures.insights(logged, facts).forEach(insight -> insights.merge(insight, 1L, Long::sum));
        await().atMost(INGEST).untilAsserted(() -> assertEquals(insights, publishedInsights(),
                "each record beaten and deload recommended announced once"));
        assertTrue(insights.keySet().stream().anyMatch(insight -> insight.type().equals("DELOAD_RECOMMENDED")
                && insight.exerciseId().equals(row)), () -> "the stalled row: " + insights);
        assertTrue(insights.keySet().stream().anyMatch(insight -> insight.type().equals("RECORD_ACHIEVED")
                && insight.exerciseId().equals(hinge) && "HEAVIEST_LOAD".equals(insight.kind())),
                () -> "the Romanian deadlift's heavier load: " + insights);

        JsonNode before = awaitNextSessionFollowing(programId);
        stack.control().stopService(SystemStack.PROGRAM);
        try (Connection db = DriverManager.getConnection(stack.control().jdbcUrl("program"), EmbeddedPostgres.USER,
                "")) {
            db.createStatement().executeUpdate("DELETE FROM member_progress");
        }
        stack.control().restartService(SystemStack.PROGRAM);
        await().atMost(INGEST).untilAsserted(() -> assertEquals(before.get("blocks"),
                tenant.nextSession(programId).get("blocks"), "next session rebuilt from the compacted topic"));
        assertEquals(before.at("/progress/revision"), tenant.nextSession(programId).at("/progress/revision"));

        JsonNode sessions = stack.api().get(stack.url(SystemStack.LOGGING) + "/members/" + MEMBER + "/sessions")
                .token(tenant.trainerToken()).send().expect(200).json();
        assertEquals(6, sessions.get("total").asInt());
        List<String> newestFirst = new ArrayList<>();
        sessions.get("items").forEach(item -> {
            newestFirst.add(item.get("sessionId").asText());
            assertEquals(programId, item.get("programId").asText());
        });
        assertEquals(List.of("j-6", "j-5", "j-4", "j-3", "j-2", "j-1"), newestFirst);
    }

    /** The next session once its loads come from progress that holds every session reported. */
    private JsonNode awaitNextSessionFollowing(String programId) {
        JsonNode[] next = new JsonNode[1];
        await().atMost(INGEST).until(() -> {
            next[0] = tenant.nextSession(programId);
            return !next[0].at("/progress/computedAt").isNull() && !next[0].at("/progress/stale").asBoolean();
        });
        return next[0];
    }

    private static JsonNode prescription(JsonNode session, String exerciseId) {
        for (JsonNode block : session.get("blocks")) {
            for (JsonNode p : block.get("prescriptions")) {
                if (p.get("exerciseId").asText().equals(exerciseId)) {
                    return p;
                }
            }
        }
        throw new AssertionError(exerciseId + " is not in " + session);
    }

    private static void assertKg(BigDecimal expected, JsonNode got, String what) {
        assertTrue(got.isNumber(), () -> what + ": expected " + expected + " kg, got " + got);
        assertEquals(0, expected.compareTo(got.decimalValue()), () -> what + ": expected " + expected + ", got "
                + got);
    }

    private Map<ExpectedFigures.ExpectedInsight, Long> publishedInsights() {
        return Topics.readAll(stack.kafka(), Topics.INSIGHTS).stream().map(ConsumerRecord::value)
                .map(TrainingJourneyIT::json).filter(insight -> insight.get("tenantId").asText().equals(tenant.id()))
                .collect(Collectors.groupingBy(ExpectedFigures.ExpectedInsight::of, Collectors.collectingAndThen(
                        Collectors.mapping(insight -> insight.get("eventId").asText(), Collectors.toSet()),
                        ids -> (long) ids.size())));
    }

    /** The prescribed exercise of one of these patterns with a closed rep range. */
    private static String ranged(Map<String, Prescription> prescribed, Map<String, Facts> facts,
            Set<String> patterns) {
        return prescribed.entrySet().stream()
                .filter(e -> patterns.contains(facts.get(e.getKey()).movementPattern()))
                .filter(e -> e.getValue().repsMin() != null && e.getValue().repsMax() != null)
                .map(Map.Entry::getKey).sorted().findFirst()
                .orElseThrow(() -> new AssertionError("The program has no " + patterns + " with a rep range"));
    }

    private static CompletedSession session(String id, LocalDate day, Entry... entries) {
        return new CompletedSession(MEMBER, id, day.atTime(LocalTime.of(18, 0)).toInstant(ZoneOffset.UTC),
                List.of(entries));
    }

    private static Entry entry(String exerciseId, SetDone... sets) {
        return new Entry(exerciseId, null, List.of(sets));
    }

    private static JsonNode json(String value) {
        try {
            return Api.JSON.readTree(value);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + value, e);
        }
    }
}
