package app.backbone.system;

import static app.backbone.system.CompletedSession.SetDone.work;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import app.backbone.system.CompletedSession.Entry;
import app.backbone.system.Endpoints.Endpoint;

/**
 * Every documented endpoint of every service, called four ways: by the owning tenant (it works), with another
 * tenant's token (it never shows or changes the owner's data: 404 or empty), without a token (401) and with a
 * token lacking the role (403). The endpoints come from the services' OpenAPI documents; one the matrix below does
 * not handle fails the test, so a new endpoint cannot go untested.
 */
@SystemTest
class TenantIsolationIT {

    private static final String MEMBER = "shared-member";
    /** A member the owner erases first, for the erasure status. */
    private static final String ERASED = "erased-member";
    private static final List<String> ROLES = List.of("admin", "trainer", "integration");
    /** A member whose history the owner imports. */
    private static final String IMPORTED = "imported-member";
    private static final String ALIAS = "/exercise-aliases/Isolation%20Row%20Alias";
    private static final Duration PROPAGATION = Duration.ofSeconds(60);
    private static final byte[] STRONG = ("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,"
            + "Seconds,Notes,Workout Notes,RPE\n2026-03-02 18:00:00,Push,1h,Bench Press (Barbell),1,80,8,0,0,,,8\n")
            .getBytes(StandardCharsets.UTF_8);

    private final SystemStack stack;
    private final Tenant owner;
    private final Tenant other;
    private final LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(DayOfWeek.MONDAY).minusWeeks(1);

    private String exercise;
    private long exerciseVersion;
    private String retiree;
    private String program;
    private String archivable;
    private String erasureId;
    private String importId;
    private String rebuildId;
    /** Sessions imported into the other tenant (the owner's import holds one). */
    private int otherImported;
    private final List<String> ownerSessions = new ArrayList<>();
    private final List<String> otherSessions = new ArrayList<>();
    private final List<String> otherPrograms = new ArrayList<>();
    private String ownerHook;
    private String deletableHook;
    private String otherHook;
    private String testDelivery;

    TenantIsolationIT(SystemStack stack) {
        this.stack = stack;
        this.owner = Tenant.create(stack, "owner");
        this.other = Tenant.create(stack, "other");
    }

    /** How one endpoint is called (with a token, null for none) and what each tenant must get. */
    private record Case(Function<String, Reply> call, Consumer<Reply> asOwner, Consumer<Reply> asOther) {
    }

    @Test
    void everyEndpointKeepsEachTenantToItsOwnData() {
        createData();
        Map<String, Case> matrix = matrix();
        List<Endpoint> endpoints = Endpoints.of(stack);
        Set<String> documented = new TreeSet<>();
        endpoints.forEach(endpoint -> documented.add(endpoint.key()));
        Set<String> unhandled = new TreeSet<>(documented);
        unhandled.removeAll(matrix.keySet());
        assertTrue(unhandled.isEmpty(), () -> "Endpoints without an isolation case: " + unhandled);
        Set<String> gone = new TreeSet<>(matrix.keySet());
        gone.removeAll(documented);
        assertTrue(gone.isEmpty(), () -> "Cases for endpoints no service documents any more: " + gone);

        for (Map.Entry<String, Case> entry : matrix.entrySet()) {
            Endpoint endpoint = endpoints.stream().filter(e -> e.key().equals(entry.getKey())).findFirst()
                    .orElseThrow();
            Case isolation = entry.getValue();
            String[] allowed = endpoint.roles().toArray(String[]::new);
            String[] refused = ROLES.stream().filter(role -> !endpoint.roles().contains(role)).toArray(String[]::new);

            Reply anonymous = isolation.call().apply(null);
            assertProblem(401, anonymous);
            assertTrue(anonymous.header("WWW-Authenticate").startsWith("Bearer"), anonymous::toString);
            assertProblem(403, isolation.call().apply(stack.token(owner.id(), refused)));
            isolation.asOther().accept(isolation.call().apply(stack.token(other.id(), allowed)));
            isolation.asOwner().accept(isolation.call().apply(stack.token(owner.id(), allowed)));
        }
    }

    private void createData() {
        JsonNode created = owner.createExercise(exercise("Isolation Band Row"));
        exercise = created.get("id").asText();
        exerciseVersion = created.get("version").asLong();
        retiree = owner.createExercise(exercise("Isolation Band Pull")).get("id").asText();
        program = owner.createProgram(MEMBER, "HYPERTROPHY").get("id").asText();
        archivable = owner.createProgram(MEMBER, "STRENGTH").get("id").asText();
        for (String sessionId : List.of("owner-1", "owner-2")) {
            // The new exercise reaches program-service's catalog read model through catalog.exercises; a report
            // naming it is refused (400, nothing stored) until then.
            await().atMost(PROPAGATION)
                    .until(() -> owner.report(program, session(sessionId, exercise)).status() == 202);
            ownerSessions.add(sessionId);
        }
        String otherProgram = other.createProgram(MEMBER, "BACK_HEALTH").get("id").asText();
        otherPrograms.add(otherProgram);
        other.report(otherProgram, session("other-1", "romanian-deadlift")).expect(202);
        otherSessions.add("other-1");
        // On a stack just started, logging-service may find the session topic only at its next metadata refresh.
        await().atMost(PROPAGATION).until(() -> owner.sessionCount(MEMBER) == 2 && other.sessionCount(MEMBER) == 1);
        erasureId = stack.api().delete(stack.url(SystemStack.LOGGING) + "/members/" + ERASED)
                .token(stack.token(owner.id(), "admin")).send().expect(202).json().get("erasureId").asText();
        importId = importHistory(owner.adminToken()).expect(202).json().get("id").asText();
        await().atMost(PROPAGATION).until(() -> "DONE".equals(ownerView(SystemStack.LOGGING, "/imports/" + importId)
                .get("status").asText()));
        rebuildId = owner.rebuildFigures().get("id").asText();
        await().atMost(PROPAGATION).until(() -> stack.api().put(stack.url(SystemStack.LOGGING) + ALIAS)
                .token(owner.adminToken()).json(Map.of("exerciseId", exercise)).send().status() == 200);
        ownerHook = subscribe(owner.adminToken()).expect(201).json().get("id").asText();
        deletableHook = subscribe(owner.adminToken()).expect(201).json().get("id").asText();
        otherHook = subscribe(other.adminToken()).expect(201).json().get("id").asText();
        testDelivery = post(SystemStack.WEBHOOK, "/webhooks/" + ownerHook + "/test", owner.adminToken(), Map.of())
                .expect(202).json().get("id").asText();
    }

    /**
     * A subscription to an endpoint nothing listens on (its deliveries fail and wait for their next attempt), for
     * deloads, which no session here brings: its only deliveries are the tests asked for.
     */
    private Reply subscribe(String token) {
        return post(SystemStack.WEBHOOK, "/webhooks", token, Map.of("url", "http://127.0.0.1:9/isolation",
                "events", List.of("deload.recommended")));
    }

    private int ownerDeliveries() {
        return ownerView(SystemStack.WEBHOOK, "/webhooks/" + ownerHook + "/deliveries").get("total").asInt();
    }

    private Reply importHistory(String token) {
        return stack.api().post(stack.url(SystemStack.LOGGING) + "/members/" + IMPORTED + "/imports?source=STRONG")
                .token(token).body(STRONG, "text/csv").send();
    }

    /** The cases, in the order they run: reads first, then the changes. */
    private Map<String, Case> matrix() {
        Map<String, Case> matrix = new LinkedHashMap<>();
        matrix.put("GET /exercises", new Case(
                token -> get(SystemStack.CATALOG, "/exercises?q=isolation+band", token),
                reply -> assertEquals(Set.of(exercise, retiree), ids(reply.expect(200).json().get("items"), "id")),
                reply -> assertEquals(Set.of(), ids(reply.expect(200).json().get("items"), "id"))));
        matrix.put("GET /ping", new Case(
                token -> {
                    List<Reply> replies = Stream.of(SystemStack.CATALOG, SystemStack.PROGRAM, SystemStack.LOGGING,
                            SystemStack.WEBHOOK).map(service -> get(service, "/ping", token)).toList();
                    replies.forEach(reply -> assertEquals(replies.get(0).status(), reply.status(), reply::toString));
                    return replies.get(0);
                },
                reply -> assertEquals(204, reply.status(), reply::toString),
                reply -> assertEquals(204, reply.status(), reply::toString)));
        matrix.put("GET /exercises/{id}", new Case(
                token -> get(SystemStack.CATALOG, "/exercises/" + exercise, token),
                reply -> assertEquals(exercise, reply.expect(200).json().get("id").asText()),
                reply -> assertProblem(404, reply)));
        matrix.put("GET /programs/{id}", new Case(
                token -> get(SystemStack.PROGRAM, "/programs/" + program, token),
                reply -> assertEquals(program, reply.expect(200).json().get("id").asText()),
                reply -> assertProblem(404, reply)));
        matrix.put("GET /programs/{id}/next-session", new Case(
                token -> get(SystemStack.PROGRAM, "/programs/" + program + "/next-session", token),
                reply -> assertEquals(program, reply.expect(200).json().get("programId").asText()),
                reply -> assertProblem(404, reply)));
        matrix.put("GET /members/{memberId}/programs", new Case(
                token -> get(SystemStack.PROGRAM, "/members/" + MEMBER + "/programs", token),
                reply -> assertEquals(Set.of(program, archivable), ids(reply.expect(200).json().get("items"), "id")),
                reply -> assertEquals(new HashSet<>(otherPrograms), ids(reply.expect(200).json().get("items"), "id"))));
        matrix.put("GET /members", new Case(
                token -> get(SystemStack.LOGGING, "/members", token),
                reply -> assertEquals(Set.of(MEMBER, IMPORTED), ids(reply.expect(200).json().get("items"),
                        "memberId")),
                reply -> assertEquals(Set.of(MEMBER), ids(reply.expect(200).json().get("items"), "memberId"))));
        matrix.put("GET /members/{memberId}/sessions", new Case(
                token -> get(SystemStack.LOGGING, "/members/" + MEMBER + "/sessions", token),
                reply -> assertEquals(new HashSet<>(ownerSessions), sessionIds(reply)),
                reply -> assertEquals(new HashSet<>(otherSessions), sessionIds(reply))));
        String week = "/members/" + MEMBER + "/volume?from=" + monday + "&to=" + monday.plusDays(6);
        matrix.put("GET /members/{memberId}/volume", new Case(
                token -> get(SystemStack.LOGGING, week, token),
                reply -> assertEquals(ownerSessions.size(), reply.expect(200).json().at("/weeks/0/sessions").asInt()),
                reply -> assertEquals(otherSessions.size(), reply.expect(200).json().at("/weeks/0/sessions").asInt())));
        matrix.put("GET /members/{memberId}/progression", new Case(
                token -> get(SystemStack.LOGGING, "/members/" + MEMBER + "/progression?exerciseId="
                        + exercise, token),
                reply -> assertEquals(2, reply.expect(200).json().get("series").size()),
                reply -> assertProblem(404, reply)));
        matrix.put("GET /members/{memberId}/records", new Case(
                token -> get(SystemStack.LOGGING, "/members/" + MEMBER + "/records", token),
                reply -> assertEquals(Set.of(exercise), ids(reply.expect(200).json().get("exercises"), "exerciseId")),
                reply -> assertEquals(Set.of("romanian-deadlift"),
                        ids(reply.expect(200).json().get("exercises"), "exerciseId"))));
        matrix.put("GET /members/{memberId}/erasure", new Case(
                token -> get(SystemStack.LOGGING, "/members/" + ERASED + "/erasure", token),
                reply -> assertEquals(erasureId, reply.expect(200).json().get("erasureId").asText()),
                reply -> assertProblem(404, reply)));
        matrix.put("GET /imports/{id}", new Case(
                token -> get(SystemStack.LOGGING, "/imports/" + importId, token),
                reply -> assertEquals("DONE", reply.expect(200).json().get("status").asText()),
                reply -> assertProblem(404, reply)));
        matrix.put("GET /members/{memberId}/imports", new Case(
                token -> get(SystemStack.LOGGING, "/members/" + IMPORTED + "/imports", token),
                reply -> assertEquals(Set.of(importId), ids(reply.expect(200).json().get("items"), "id")),
                reply -> assertEquals(Set.of(), ids(reply.expect(200).json().get("items"), "id"))));
        matrix.put("GET /figures/rebuilds/{id}", new Case(
                token -> get(SystemStack.LOGGING, "/figures/rebuilds/" + rebuildId, token),
                reply -> assertEquals("DONE", reply.expect(200).json().get("status").asText()),
                reply -> assertProblem(404, reply)));
        matrix.put("GET /figures/rebuilds", new Case(
                token -> get(SystemStack.LOGGING, "/figures/rebuilds", token),
                reply -> assertEquals(Set.of(rebuildId), ids(reply.expect(200).json().get("items"), "id")),
                reply -> assertEquals(Set.of(), ids(reply.expect(200).json().get("items"), "id"))));
        matrix.put("GET /members/{memberId}/sessions/export", new Case(
                token -> stack.api().get(stack.url(SystemStack.LOGGING) + "/members/" + MEMBER + "/sessions/export")
                        .token(token).header("Accept", "text/csv").send(),
                reply -> assertTrue(reply.expect(200).text().contains("owner-1"), reply::toString),
                reply -> {
                    String csv = reply.expect(200).text();
                    assertTrue(csv.contains("other-1") && !csv.contains("owner-"), reply::toString);
                }));
        matrix.put("GET /exercise-aliases", new Case(
                token -> get(SystemStack.LOGGING, "/exercise-aliases", token),
                reply -> assertEquals(Set.of("Isolation Row Alias"), ids(reply.expect(200).json().get("items"),
                        "name")),
                reply -> assertEquals(Set.of(), ids(reply.expect(200).json().get("items"), "name"))));
        matrix.put("GET /exercise-aliases/{name}", new Case(
                token -> get(SystemStack.LOGGING, ALIAS, token),
                reply -> assertEquals(exercise, reply.expect(200).json().get("exerciseId").asText()),
                reply -> assertProblem(404, reply)));
        matrix.put("GET /webhooks", new Case(
                token -> get(SystemStack.WEBHOOK, "/webhooks", token),
                reply -> assertEquals(Set.of(ownerHook, deletableHook), ids(reply.expect(200).json().get("items"),
                        "id")),
                reply -> assertEquals(Set.of(otherHook), ids(reply.expect(200).json().get("items"), "id"))));
        matrix.put("GET /webhooks/{id}", new Case(
                token -> get(SystemStack.WEBHOOK, "/webhooks/" + ownerHook, token),
                reply -> assertEquals(ownerHook, reply.expect(200).json().get("id").asText()),
                reply -> assertProblem(404, reply)));
        matrix.put("GET /webhooks/{id}/deliveries", new Case(
                token -> get(SystemStack.WEBHOOK, "/webhooks/" + ownerHook + "/deliveries", token),
                reply -> assertEquals(Set.of(testDelivery), ids(reply.expect(200).json().get("items"), "id")),
                reply -> assertProblem(404, reply)));
        matrix.put("POST /programs/preview", new Case(
                token -> post(SystemStack.PROGRAM, "/programs/preview", token,
                        Map.of("memberId", MEMBER, "goal", "STRENGTH")),
                reply -> assertEquals("STRENGTH", reply.expect(200).json().get("goal").asText()),
                reply -> assertFalse(reply.expect(200).text().contains(owner.id()), reply::toString)));
        matrix.put("POST /programs", new Case(
                token -> post(SystemStack.PROGRAM, "/programs", token,
                        Map.of("memberId", MEMBER, "goal", "STRENGTH")),
                reply -> assertEquals(MEMBER, reply.expect(201).json().get("memberId").asText()),
                reply -> {
                    String created = reply.expect(201).json().get("id").asText();
                    otherPrograms.add(created);
                    get(SystemStack.PROGRAM, "/programs/" + created, owner.trainerToken()).expect(404);
                }));
        matrix.put("POST /programs/{id}/sessions", new Case(
                token -> stack.api().post(stack.url(SystemStack.PROGRAM) + "/programs/" + program
                        + "/sessions").token(token).json(session("owner-3", exercise).report()).send(),
                reply -> {
                    reply.expect(202);
                    ownerSessions.add("owner-3");
                    await().atMost(PROPAGATION).until(() -> owner.sessionCount(MEMBER) == 3);
                },
                reply -> assertProblem(404, reply)));
        matrix.put("POST /programs/{id}/swaps", new Case(
                token -> post(SystemStack.PROGRAM, "/programs/" + program + "/swaps", token,
                        Map.of("exerciseId", "romanian-deadlift",
                                "replacementExerciseId", "dumbbell-romanian-deadlift")),
                reply -> assertEquals("dumbbell-romanian-deadlift",
                        reply.expect(200).json().at("/swaps/0/replacementExerciseId").asText()),
                reply -> {
                    assertProblem(404, reply);
                    assertEquals(0, ownerView(SystemStack.PROGRAM, "/programs/" + program).get("swaps").size());
                }));
        matrix.put("POST /exercises", new Case(
                token -> post(SystemStack.CATALOG, "/exercises", token, exercise("Isolation Extra")),
                reply -> assertEquals(owner.id() + ".isolation-extra", reply.expect(201).json().get("id").asText()),
                reply -> {
                    assertEquals(other.id() + ".isolation-extra", reply.expect(201).json().get("id").asText());
                    get(SystemStack.CATALOG, "/exercises/" + other.id() + ".isolation-extra", owner.adminToken())
                            .expect(404);
                }));
        matrix.put("PUT /exercises/{id}", new Case(
                token -> stack.api().put(stack.url(SystemStack.CATALOG) + "/exercises/" + exercise)
                        .token(token).header("If-Match", "\"" + exerciseVersion + "\"")
                        .json(exercise("Isolation Band Row")).send(),
                reply -> assertEquals(exerciseVersion + 1, reply.expect(200).json().get("version").asLong()),
                reply -> {
                    assertProblem(404, reply);
                    assertEquals(exerciseVersion, ownerView(SystemStack.CATALOG, "/exercises/" + exercise)
                            .get("version").asLong());
                }));
        matrix.put("DELETE /exercises/{id}", new Case(
                token -> stack.api().delete(stack.url(SystemStack.CATALOG) + "/exercises/" + retiree)
                        .token(token).send(),
                reply -> {
                    reply.expect(204);
                    assertTrue(ownerView(SystemStack.CATALOG, "/exercises/" + retiree).get("retired").asBoolean());
                },
                reply -> {
                    assertProblem(404, reply);
                    assertFalse(ownerView(SystemStack.CATALOG, "/exercises/" + retiree).get("retired").asBoolean());
                }));
        matrix.put("DELETE /programs/{id}", new Case(
                token -> stack.api().delete(stack.url(SystemStack.PROGRAM) + "/programs/" + archivable)
                        .token(token).send(),
                reply -> {
                    reply.expect(204);
                    assertEquals("ARCHIVED", ownerView(SystemStack.PROGRAM, "/programs/" + archivable)
                            .get("status").asText());
                },
                reply -> {
                    assertProblem(404, reply);
                    assertEquals("ACTIVE", ownerView(SystemStack.PROGRAM, "/programs/" + archivable)
                            .get("status").asText());
                }));
        matrix.put("POST /members/{memberId}/imports", new Case(
                this::importHistory,
                reply -> assertEquals(IMPORTED, reply.expect(202).json().get("memberId").asText()),
                reply -> {
                    String location = reply.expect(202).header("Location");
                    assertEquals(1, ownerView(SystemStack.LOGGING, "/members/" + IMPORTED + "/imports").get("total")
                            .asInt(), "another tenant's import is not the owner's");
                    await().atMost(PROPAGATION).until(() -> "DONE".equals(stack.api().get(location)
                            .token(other.adminToken()).send().expect(200).json().get("status").asText()));
                    otherImported = 1;
                }));
        matrix.put("PUT /exercise-aliases/{name}", new Case(
                token -> stack.api().put(stack.url(SystemStack.LOGGING) + "/exercise-aliases/Isolation%20Other")
                        .token(token).json(Map.of("exerciseId", "romanian-deadlift")).send(),
                reply -> assertEquals("romanian-deadlift", reply.expect(200).json().get("exerciseId").asText()),
                reply -> {
                    reply.expect(200);
                    assertProblem(404, get(SystemStack.LOGGING, "/exercise-aliases/Isolation%20Other",
                            owner.adminToken()));
                }));
        matrix.put("DELETE /exercise-aliases/{name}", new Case(
                token -> stack.api().delete(stack.url(SystemStack.LOGGING) + ALIAS).token(token).send(),
                reply -> {
                    reply.expect(204);
                    assertProblem(404, get(SystemStack.LOGGING, ALIAS, owner.adminToken()));
                },
                reply -> {
                    assertProblem(404, reply);
                    assertEquals(exercise, ownerView(SystemStack.LOGGING, ALIAS).get("exerciseId").asText());
                }));
        matrix.put("POST /webhooks", new Case(
                this::subscribe,
                reply -> assertEquals("ACTIVE", reply.expect(201).json().get("status").asText()),
                reply -> {
                    String created = reply.expect(201).json().get("id").asText();
                    assertProblem(404, get(SystemStack.WEBHOOK, "/webhooks/" + created, owner.adminToken()));
                }));
        matrix.put("POST /webhooks/{id}/test", new Case(
                token -> post(SystemStack.WEBHOOK, "/webhooks/" + ownerHook + "/test", token, Map.of()),
                reply -> {
                    reply.expect(202);
                    assertEquals(2, ownerDeliveries());
                },
                reply -> {
                    assertProblem(404, reply);
                    assertEquals(1, ownerDeliveries(), "another tenant's test sends the owner nothing");
                }));
        matrix.put("POST /webhooks/{id}/deliveries/{deliveryId}/retry", new Case(
                token -> post(SystemStack.WEBHOOK, "/webhooks/" + ownerHook + "/deliveries/" + testDelivery
                        + "/retry", token, Map.of()),
                reply -> assertEquals(testDelivery, reply.expect(202).json().get("id").asText()),
                reply -> assertProblem(404, reply)));
        matrix.put("DELETE /webhooks/{id}", new Case(
                token -> stack.api().delete(stack.url(SystemStack.WEBHOOK) + "/webhooks/" + deletableHook)
                        .token(token).send(),
                reply -> {
                    reply.expect(204);
                    assertProblem(404, get(SystemStack.WEBHOOK, "/webhooks/" + deletableHook, owner.adminToken()));
                },
                reply -> {
                    assertProblem(404, reply);
                    assertEquals(deletableHook, ownerView(SystemStack.WEBHOOK, "/webhooks/" + deletableHook)
                            .get("id").asText());
                }));
        matrix.put("POST /figures/rebuild", new Case(
                token -> stack.api().post(stack.url(SystemStack.LOGGING) + "/figures/rebuild").token(token)
                        .send(),
                reply -> assertEquals(ownerSessions.size() + 1, owner.rebuildDone(reply.expect(202)
                        .header("Location")).get("sessionsProcessed").asInt()),
                reply -> {
                    String location = reply.expect(202).header("Location");
                    assertEquals(otherSessions.size() + otherImported, other.rebuildDone(location)
                            .get("sessionsProcessed").asInt());
                    assertProblem(404, stack.api().get(location).token(owner.adminToken()).send());
                    assertEquals(ownerSessions.size(), ownerView(SystemStack.LOGGING,
                            "/members/" + MEMBER + "/volume?from=" + monday + "&to=" + monday)
                            .at("/weeks/0/sessions").asInt());
                }));
        matrix.put("DELETE /members/{memberId}", new Case(
                token -> stack.api().delete(stack.url(SystemStack.LOGGING) + "/members/" + MEMBER).token(token)
                        .send(),
                reply -> {
                    reply.expect(202);
                    assertEquals(0, ownerView(SystemStack.LOGGING, "/members/" + MEMBER + "/sessions")
                            .get("total").asInt());
                },
                reply -> {
                    reply.expect(202);
                    assertEquals(ownerSessions.size(), ownerView(SystemStack.LOGGING, "/members/" + MEMBER
                            + "/sessions").get("total").asInt(), "another tenant's erasure leaves the owner's member");
                    assertEquals(404, get(SystemStack.LOGGING, "/members/" + MEMBER + "/erasure",
                            stack.token(owner.id(), "admin")).status());
                }));
        return matrix;
    }

    private CompletedSession session(String sessionId, String exerciseId) {
        return new CompletedSession(MEMBER, sessionId, monday.atStartOfDay().toInstant(ZoneOffset.UTC),
                List.of(new Entry(exerciseId, null, List.of(work(12, "20", 2), work(10, "20", 1)))));
    }

    private static Map<String, Object> exercise(String name) {
        return Map.of("name", name, "category", "STRENGTH", "movementPattern", "HORIZONTAL_PULL",
                "primaryMuscles", List.of("RHOMBOIDS"), "secondaryMuscles", List.of("BICEPS"),
                "equipment", List.of("RESISTANCE_BAND"), "laterality", "BILATERAL", "measure", "REPS",
                "loadable", true);
    }

    private Reply get(String service, String path, String token) {
        return stack.api().get(stack.url(service) + path).token(token).send();
    }

    private Reply post(String service, String path, String token, Object body) {
        return stack.api().post(stack.url(service) + path).token(token).json(body).send();
    }

    /** What the owner sees, with every role. */
    private JsonNode ownerView(String service, String path) {
        return get(service, path, stack.token(owner.id(), ROLES.toArray(String[]::new))).expect(200).json();
    }

    private static Set<String> ids(JsonNode items, String field) {
        Set<String> ids = new HashSet<>();
        items.forEach(item -> ids.add(item.get(field).asText()));
        return ids;
    }

    private static Set<String> sessionIds(Reply reply) {
        return ids(reply.expect(200).json().get("items"), "sessionId");
    }

    private static void assertProblem(int status, Reply reply) {
        reply.expect(status);
        assertEquals(Reply.PROBLEM_JSON, reply.mediaType(), reply::toString);
        assertEquals(status, reply.json().get("status").asInt(), reply::toString);
    }
}
