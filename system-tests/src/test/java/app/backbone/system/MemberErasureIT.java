package app.backbone.system;

import static app.backbone.system.CompletedSession.SetDone.work;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import app.backbone.system.CompletedSession.Entry;

/**
 * A member's erasure asked for while program-service is down: logging-service erases its part at once and reports
 * program-service pending; once program-service is back it erases the member's programs and confirms, the erasure is
 * done and announced on members.erased, and every endpoint of both services answers for the member as for one never
 * seen, while another member of the tenant keeps everything.
 */
@SystemTest
class MemberErasureIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(90);
    private static final String MEMBER = "erased-1";
    private static final String KEPT = "kept-1";
    private static final String ERASED_TOPIC = "members.erased";

    private final SystemStack stack;
    private final Tenant tenant;

    MemberErasureIT(SystemStack stack) {
        this.stack = stack;
        this.tenant = Tenant.create(stack, "erasure");
    }

    @Test
    void anErasureAskedForWhileProgramServiceIsDownCompletesWhenItIsBack() throws Exception {
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(DayOfWeek.MONDAY).minusWeeks(1);
        String program = tenant.createProgram(MEMBER, "STRENGTH").get("id").asText();
        String kept = tenant.createProgram(KEPT, "STRENGTH").get("id").asText();
        for (int i = 0; i < 2; i++) {
            tenant.report(program, session(MEMBER, "erased-s" + i, monday.plusDays(i))).expect(202);
        }
        tenant.report(kept, session(KEPT, "kept-s0", monday)).expect(202);
        await().atMost(PROPAGATION).until(() -> tenant.sessionCount(MEMBER) == 2 && tenant.sessionCount(KEPT) == 1);
        String history = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
                + "Workout Notes,RPE\n2026-03-02 18:00:00,Pull,1h,Deadlift (Barbell),1,100,5,0,0,,,8\n";
        String imported = stack.api().post(logging("/members/" + MEMBER + "/imports?source=STRONG"))
                .token(tenant.adminToken()).body(history.getBytes(StandardCharsets.UTF_8), "text/csv").send()
                .expect(202).json().get("id").asText();
        await().atMost(PROPAGATION).until(() -> "DONE".equals(stack.api().get(logging("/imports/" + imported))
                .token(tenant.trainerToken()).send().expect(200).json().get("status").asText()));

        stack.control().stopService(SystemStack.PROGRAM);
        try {
            JsonNode accepted = stack.api().delete(logging("/members/" + MEMBER)).token(tenant.adminToken()).send()
                    .expect(202).json();
            String erasureId = accepted.get("erasureId").asText();
            assertEquals("PENDING", accepted.get("status").asText());
            JsonNode status = status();
            assertEquals(erasureId, status.get("erasureId").asText());
            assertEquals("PENDING", status.get("status").asText());
            assertEquals(Map.of("logging-service", "CONFIRMED", "program-service", "PENDING"), states(status));
            assertEquals(0, tenant.sessionCount(MEMBER), "logging-service erased its part at once");
        } finally {
            stack.control().restartService(SystemStack.PROGRAM);
        }

        JsonNode done = await().atMost(PROPAGATION).until(this::status, s -> "DONE".equals(s.get("status").asText()));
        assertEquals(Map.of("logging-service", "CONFIRMED", "program-service", "CONFIRMED"), states(done));
        assertTrue(!done.get("completedAt").isNull());

        assertAnsweredAsNeverSeen(program, monday);
        stack.api().get(logging("/imports/" + imported)).token(tenant.trainerToken()).send().expect(404);
        assertEquals(1, tenant.sessionCount(KEPT), "another member keeps their sessions");
        stack.api().get(program("/programs/" + kept)).token(tenant.trainerToken()).send().expect(200);

        String key = tenant.id() + "/" + MEMBER;
        String erasureId = done.get("erasureId").asText();
        List<JsonNode> completions = await().atMost(PROPAGATION).until(() -> Topics.readAll(stack.kafka(),
                ERASED_TOPIC).stream().filter(r -> key.equals(r.key())).map(r -> json(r.value()))
                .toList(), l -> !l.isEmpty());
        assertEquals(1, completions.size(), "members.erased once");
        assertEquals(erasureId, completions.get(0).get("erasureId").asText());
        assertEquals(MEMBER, completions.get(0).get("memberId").asText());
    }

    private void assertAnsweredAsNeverSeen(String program, LocalDate monday) {
        assertEquals(List.of(), tenant.sessionIds(MEMBER));
        tenant.volume(MEMBER, monday, monday.plusDays(6)).get("weeks")
                .forEach(week -> assertEquals(0, week.get("sessions").asInt(), week::toString));
        tenant.progression(MEMBER, "conventional-deadlift").expect(404);
        assertEquals(0, tenant.records(MEMBER).get("exercises").size());
        JsonNode programs = stack.api().get(program("/members/" + MEMBER + "/programs")).token(tenant.trainerToken())
                .send().expect(200).json();
        assertEquals(0, programs.get("total").asInt(), programs::toString);
        stack.api().get(program("/programs/" + program)).token(tenant.trainerToken()).send().expect(404);
        stack.api().get(program("/programs/" + program + "/next-session")).token(tenant.trainerToken()).send()
                .expect(404);
        tenant.report(program, session(MEMBER, "after-erasure", monday)).expect(404);
        JsonNode imports = stack.api().get(logging("/members/" + MEMBER + "/imports")).token(tenant.trainerToken())
                .send().expect(200).json();
        assertEquals(0, imports.get("total").asInt(), imports::toString);
        stack.api().get(logging("/members/" + MEMBER + "/sessions/export")).token(tenant.trainerToken())
                .header("Accept", "text/csv").send().expect(404);
    }

    private JsonNode status() {
        return stack.api().get(logging("/members/" + MEMBER + "/erasure")).token(tenant.adminToken()).send()
                .expect(200).json();
    }

    private static Map<String, String> states(JsonNode status) {
        Map<String, String> states = new TreeMap<>();
        status.get("services").forEach(s -> states.put(s.get("service").asText(), s.get("state").asText()));
        return states;
    }

    private static CompletedSession session(String member, String sessionId, LocalDate day) {
        return new CompletedSession(member, sessionId, day.atStartOfDay().toInstant(ZoneOffset.UTC),
                List.of(new Entry("conventional-deadlift", null, List.of(work(5, "100", 2), work(5, "100", 2)))));
    }

    private static JsonNode json(String text) {
        try {
            return Api.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError(text, e);
        }
    }

    private String logging(String path) {
        return stack.url(SystemStack.LOGGING) + path;
    }

    private String program(String path) {
        return stack.url(SystemStack.PROGRAM) + path;
    }
}
