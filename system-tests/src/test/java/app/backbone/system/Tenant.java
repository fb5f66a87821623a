package app.backbone.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

import app.backbone.system.CompletedSession.Prescription;
import app.backbone.system.ExpectedFigures.Facts;

/** One gym chain using the platform through the services' public APIs, with a token for every role. */
public final class Tenant {

    /** How long a rebuild of a tenant's figures may take here. */
    private static final Duration REBUILD = Duration.ofMinutes(5);
    /** How long a report is retried while connections to program-service drop. */
    private static final Duration RETRY_DROPPED = Duration.ofSeconds(60);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(100);

    private final SystemStack stack;
    private final UnaryOperator<String> urls;
    private final String id;
    private final String admin;
    private final String trainer;

    private Tenant(SystemStack stack, UnaryOperator<String> urls, String id) {
        this.stack = stack;
        this.urls = urls;
        this.id = id;
        this.admin = stack.token(id, "admin");
        this.trainer = stack.token(id, "trainer");
    }

    /** A new tenant no other test uses. */
    public static Tenant create(SystemStack stack, String purpose) {
        return create(stack, purpose, stack::url);
    }

    /**
     * A new tenant no other test uses, calling the services at the base URLs {@code urls} gives for their module
     * names (other instances than the stack's, say); the tokens are the stack's.
     */
    public static Tenant create(SystemStack stack, String purpose, UnaryOperator<String> urls) {
        return new Tenant(stack, urls, "sys-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A tenant by its id, such as the demo tenant the trainer dashboard shows in the stack. */
    public static Tenant named(SystemStack stack, String id) {
        return new Tenant(stack, stack::url, id);
    }

    public String id() {
        return id;
    }

    public String adminToken() {
        return admin;
    }

    public String trainerToken() {
        return trainer;
    }

    private String catalog(String path) {
        return urls.apply(SystemStack.CATALOG) + path;
    }

    private String program(String path) {
        return urls.apply(SystemStack.PROGRAM) + path;
    }

    private String logging(String path) {
        return urls.apply(SystemStack.LOGGING) + path;
    }

    /** The catalog facts of these exercises, read from catalog-service. */
    public Map<String, Facts> facts(String... exerciseIds) {
        Map<String, Facts> facts = new HashMap<>();
        for (String exerciseId : exerciseIds) {
            JsonNode exercise = stack.api().get(catalog("/exercises/" + exerciseId)).token(trainer).send()
                    .expect(200).json();
            facts.put(exerciseId, new Facts(exercise.get("category").asText(), exercise.get("movementPattern").asText(),
                    strings(exercise.get("primaryMuscles")), strings(exercise.get("secondaryMuscles"))));
        }
        return facts;
    }

    /** Creates a tenant exercise (role admin) and returns catalog-service's answer. */
    public JsonNode createExercise(Map<String, Object> exercise) {
        return stack.api().post(catalog("/exercises")).token(admin).json(exercise).send().expect(201).json();
    }

    /** Generates and keeps a program (role trainer) and returns it. */
    public JsonNode createProgram(String memberId, String goal) {
        return stack.api().post(program("/programs")).token(trainer)
                .json(Map.of("memberId", memberId, "goal", goal)).send().expect(201).json();
    }

    /**
     * The prescriptions of the session a report was judged against, as program-service's answer to the report
     * names it ({@code week}, {@code sessionIndex}) in the program's cycle.
     */
    public static Map<String, Prescription> prescriptions(JsonNode program, JsonNode reportAnswer) {
        JsonNode session = program.get("cycle").get(reportAnswer.get("week").asInt() - 1).get("sessions")
                .get(reportAnswer.get("sessionIndex").asInt() - 1);
        Map<String, Prescription> prescriptions = new HashMap<>();
        for (JsonNode block : session.get("blocks")) {
            for (JsonNode p : block.get("prescriptions")) {
                prescriptions.putIfAbsent(p.get("exerciseId").asText(), new Prescription(p.get("sets").asInt(),
                        integer(p.get("repsMin")), integer(p.get("repsMax"))));
            }
        }
        return prescriptions;
    }

    /**
     * Reports a session of a program to program-service (role trainer). A dropped connection (an instance killed
     * while it answered) is retried, at the instance {@code urls} gives then: the report's sessionId makes that safe.
     */
    public Reply report(String programId, CompletedSession session) {
        Instant deadline = Instant.now().plus(RETRY_DROPPED);
        while (true) {
            try {
                return stack.api().post(program("/programs/" + programId + "/sessions")).token(trainer)
                        .json(session.report()).trySend();
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new UncheckedIOException("program-service did not answer a report", e);
                }
                backOff();
            }
        }
    }

    /** The ids of every session logging-service holds for a member, reading all pages. */
    public List<String> sessionIds(String memberId) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = stack.api().get(logging("/members/" + memberId + "/sessions?size=200&page=" + page))
                    .token(trainer).send().expect(200).json();
            answer.get("items").forEach(item -> ids.add(item.get("sessionId").asText()));
            if (answer.get("items").size() < 200) {
                assertEquals(ids.size(), answer.get("total").asInt(), "total of the session pages");
                return ids;
            }
        }
    }

    /** How many sessions logging-service holds for a member. */
    public long sessionCount(String memberId) {
        return stack.api().get(logging("/members/" + memberId + "/sessions?size=1")).token(trainer).send()
                .expect(200).json().get("total").asLong();
    }

    public JsonNode volume(String memberId, LocalDate from, LocalDate to) {
        return stack.api().get(logging("/members/" + memberId + "/volume?from=" + from + "&to=" + to))
                .token(trainer).send().expect(200).json();
    }

    /** The tenant's members with sessions, newest activity first: one page of logging-service's answer. */
    public JsonNode members(String search) {
        return stack.api().get(logging("/members?size=200" + (search == null ? "" : "&q=" + search)))
                .token(trainer).send().expect(200).json();
    }

    /** The next session of a program with the loads program-service proposes. */
    public JsonNode nextSession(String programId) {
        return stack.api().get(program("/programs/" + programId + "/next-session")).token(trainer).send().expect(200)
                .json();
    }

    public Reply progression(String memberId, String exerciseId) {
        return stack.api().get(logging("/members/" + memberId + "/progression?exerciseId=" + exerciseId))
                .token(trainer).send();
    }

    public JsonNode records(String memberId) {
        return stack.api().get(logging("/members/" + memberId + "/records")).token(trainer).send().expect(200).json();
    }

    /** Recomputes the tenant's figures from its stored sessions (role admin); answers the rebuild once it is done. */
    public JsonNode rebuildFigures() {
        return rebuildDone(stack.api().post(logging("/figures/rebuild")).token(admin).send().expect(202)
                .header("Location"));
    }

    /** The tenant's rebuild at {@code location} once it has ended, which must be {@code DONE}. */
    public JsonNode rebuildDone(String location) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(REBUILD).until(() -> {
            last[0] = stack.api().get(location).token(admin).send().expect(200).json();
            return !Set.of("PENDING", "RUNNING").contains(last[0].get("status").asText());
        });
        assertEquals("DONE", last[0].get("status").asText(), last[0]::toString);
        return last[0];
    }

    private static void backOff() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Integer integer(JsonNode value) {
        return value == null || value.isNull() ? null : value.asInt();
    }
}
