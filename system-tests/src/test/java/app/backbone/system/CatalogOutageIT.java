package app.backbone.system;

import static app.backbone.system.CompletedSession.SetDone.work;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import app.backbone.system.CompletedSession.Entry;

/**
 * Program-service works from its own catalog read model while catalog-service is down, and a catalog change made
 * once catalog-service is back reaches both program-service (a session naming the new exercise is accepted) and
 * logging-service (its figures count the exercise's muscles, and follow a later change of them).
 */
@SystemTest
class CatalogOutageIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(60);
    private static final String MEMBER = "member-1";

    private final SystemStack stack;
    private final Tenant tenant;

    CatalogOutageIT(SystemStack stack) {
        this.stack = stack;
        this.tenant = Tenant.create(stack, "catalog-down");
    }

    @Test
    void programsAreGeneratedWithoutCatalogServiceAndItsLaterChangesReachTheOtherServices() throws Exception {
        JsonNode before = tenant.createProgram(MEMBER, "STRENGTH");

        stack.control().stopService(SystemStack.CATALOG);
        assertThrows(IOException.class, () -> stack.api().get(stack.url(SystemStack.CATALOG) + "/exercises")
                .token(tenant.trainerToken()).trySend(), "catalog-service is down");
        stack.api().get(stack.url(SystemStack.PROGRAM) + "/q/health/ready").send().expect(200);
        JsonNode during = tenant.createProgram(MEMBER, "STRENGTH");
        assertEquals(before.get("sessions"), during.get("sessions"), "the same program as with catalog-service up");
        assertEquals(before.get("substitutions"), during.get("substitutions"));
        stack.api().post(stack.url(SystemStack.PROGRAM) + "/programs/preview").token(tenant.trainerToken())
                .json(Map.of("memberId", MEMBER, "goal", "BACK_HEALTH")).send().expect(200);

        stack.control().restartService(SystemStack.CATALOG);

        String programId = during.get("id").asText();
        String exerciseId = tenant.id() + ".mini-band-face-pull";
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(DayOfWeek.MONDAY).minusWeeks(1);
        CompletedSession session = new CompletedSession(MEMBER, "outage-1", monday.atStartOfDay()
                .toInstant(ZoneOffset.UTC), List.of(new Entry(exerciseId, null,
                        List.of(work(15, "5", 2), work(15, "5", 1), work(12, "5", 4)))));
        Reply refused = tenant.report(programId, session).expect(400);
        assertEquals("exercises[0].exerciseId", refused.json().at("/errors/0/field").asText(), refused::toString);

        Map<String, Object> exercise = new HashMap<>(Map.of("name", "Mini Band Face Pull", "category", "STRENGTH",
                "movementPattern", "SCAPULAR_RETRACTION", "primaryMuscles", List.of("REAR_DELTOIDS", "ROTATOR_CUFF"),
                "secondaryMuscles", List.of("MIDDLE_TRAPEZIUS"), "equipment", List.of("RESISTANCE_BAND"),
                "laterality", "BILATERAL", "measure", "REPS", "loadable", true));
        JsonNode created = tenant.createExercise(exercise);
        assertEquals(exerciseId, created.get("id").asText());

        await().atMost(PROPAGATION).until(() -> tenant.report(programId, session).status() == 202);
        LocalDate sunday = monday.plusDays(6);
        await().atMost(PROPAGATION).untilAsserted(() -> ExpectedFigures.assertWeeks(ExpectedFigures.weeks(
                List.of(session), tenant.facts(exerciseId), monday, sunday), tenant.volume(MEMBER, monday, sunday)));
        assertEquals(2.0, tenant.volume(MEMBER, monday, sunday).at("/weeks/0/hardSetsByMuscle/ROTATOR_CUFF")
                .asDouble(), "two hard sets of the new exercise");

        exercise.put("primaryMuscles", List.of("LOWER_TRAPEZIUS"));
        exercise.put("secondaryMuscles", List.of());
        stack.api().put(stack.url(SystemStack.CATALOG) + "/exercises/" + exerciseId).token(tenant.adminToken())
                .header("If-Match", "\"" + created.get("version").asText() + "\"").json(exercise).send().expect(200);
        await().atMost(PROPAGATION).untilAsserted(() -> assertEquals(Map.of("LOWER_TRAPEZIUS", 2.0),
                Api.JSON.convertValue(tenant.volume(MEMBER, monday, sunday).at("/weeks/0/hardSetsByMuscle"),
                        Map.class)));
    }
}
