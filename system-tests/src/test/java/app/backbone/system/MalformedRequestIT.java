package app.backbone.system;

import static app.backbone.system.MalformedRequests.encodePath;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.backbone.system.Endpoints.Endpoint;
import app.backbone.system.MalformedRequests.Attempt;
import app.backbone.system.MalformedRequests.Valid;

/**
 * Thousands of malformed requests, drawn from a printed seed, against every write endpoint and the parameters of
 * every read: wrong types, values out of bounds, missing and unknown fields, random JSON, deep nesting, broken
 * syntax, invalid UTF-8, wrong content types and bodies over the 1 MiB limit. Each gets a 4xx (a problem document
 * when it has a body), never a 5xx or a dropped connection, and nothing is stored: counts read through the APIs
 * and the ends of {@code training.sessions.completed} and {@code catalog.exercises} move only for a marker sent
 * afterwards. Repeat a run with {@code -Dbackbone.fuzz.seed=<seed>}.
 */
@SystemTest
class MalformedRequestIT {

    private static final String MEMBER = "fuzz-member";
    private static final int PER_BODY_ENDPOINT = 500;
    private static final int PER_READ = 60;
    private static final int PER_DELETE = 80;
    private static final int PER_WRONG_METHOD = 4;
    private static final int CLIENTS = 4;
    private static final String CATALOG_TOPIC = "catalog.exercises";

    private final SystemStack stack;
    private final Tenant tenant;
    private final String token;
    private MalformedRequests requests;
    private String exercise;
    private long exerciseVersion;
    private String program;
    private String webhook;
    private int unique;

    MalformedRequestIT(SystemStack stack) {
        this.stack = stack;
        this.tenant = Tenant.create(stack, "fuzz");
        this.token = stack.token(tenant.id(), "admin", "trainer", "integration");
    }

    /** The state malformed requests must leave as it was. */
    private record Snapshot(long exercises, long exerciseVersion, boolean exerciseRetired, long programs,
            long programVersion, long sessions, long sessionEvents, long catalogEvents, long webhooks,
            long webhookDeliveries, long rebuilds) {
    }

    @Test
    void malformedRequestsGetClientErrorsAndChangeNothing() throws Exception {
        long seed = Long.getLong("backbone.fuzz.seed", System.nanoTime());
        System.out.println("MalformedRequestIT seed " + seed + " (repeat with -Dbackbone.fuzz.seed=" + seed + ")");
        requests = new MalformedRequests(seed);
        JsonNode created = tenant.createExercise(Api.JSON.convertValue(exerciseBody(), Map.class));
        exercise = created.get("id").asText();
        exerciseVersion = created.get("version").asLong();
        program = tenant.createProgram(MEMBER, "HYPERTROPHY").get("id").asText();
        webhook = stack.api().post(stack.url(SystemStack.WEBHOOK) + "/webhooks").token(token).json(webhookBody())
                .send().expect(201).json().get("id").asText();
        await().until(() -> keysOn(CATALOG_TOPIC).contains(exercise));

        List<Endpoint> endpoints = Endpoints.of(stack);
        Map<String, Supplier<Attempt>> targets = targets(endpoints);
        Set<String> uncovered = new TreeSet<>();
        endpoints.stream().map(Endpoint::key).filter(key -> !targets.containsKey(key)).forEach(uncovered::add);
        assertTrue(uncovered.isEmpty(), () -> "Endpoints without malformed requests: " + uncovered);

        List<Sent> attempts = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            int count = endpoint.method().equals("GET") ? PER_READ : endpoint.method().equals("DELETE") ? PER_DELETE
                    : endpoint.operation().has("requestBody") ? PER_BODY_ENDPOINT : PER_DELETE / 4;
            for (int i = 0; i < count; i++) {
                attempts.add(new Sent(endpoint.service(), targets.get(endpoint.key()).get()));
            }
        }
        endpoints.stream().map(e -> e.service() + " " + e.path()).distinct().forEach(path -> {
            for (int i = 0; i < PER_WRONG_METHOD; i++) {
                String[] servicePath = path.split(" ", 2);
                attempts.add(new Sent(servicePath[0], new Attempt("an undocumented method", "PATCH",
                        servicePath[1].replace("{id}", exercise).replace("{memberId}", MEMBER)
                                .replace("{name}", "fuzz%20alias").replace("{deliveryId}", exercise), auth(), null,
                        false,
                        405)));
            }
        });
        Collections.shuffle(attempts, new Random(seed));

        Snapshot before = snapshot();
        long started = System.nanoTime();
        List<String> failures = send(attempts);
        int longUrls = sendLongUrls(endpoints, failures);
        System.out.printf("Sent %d malformed requests in %.1f s%n", attempts.size() + longUrls,
                (System.nanoTime() - started) / 1e9);
        assertTrue(attempts.size() >= 3000, "at least 3,000 requests");
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + attempts.size()
                + " malformed requests were not refused cleanly (seed " + seed + "):\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size())))
                + "\nBy kind and answer: " + byKind(failures));

        assertNothingStored(before);
    }

    /** Draws malformed requests for each documented operation. */
    private Map<String, Supplier<Attempt>> targets(List<Endpoint> endpoints) {
        Map<String, Endpoint> byKey = new LinkedHashMap<>();
        endpoints.forEach(endpoint -> byKey.put(endpoint.key(), endpoint));
        Map<String, Supplier<Attempt>> targets = new LinkedHashMap<>();
        Map<String, String> ids = Map.of("id", exercise, "memberId", MEMBER, "name", "fuzz alias");
        for (Endpoint endpoint : endpoints) {
            if (endpoint.method().equals("GET") && endpoint.operation().path("parameters").isEmpty()) {
                // Nothing but the token to get wrong: one whose signature is garbled.
                targets.put(endpoint.key(), () -> new Attempt("a token with a garbled signature", "GET",
                        endpoint.path(), Map.of("Authorization", "Bearer " + garbledSignature()), null, false, 401));
            } else if (endpoint.method().equals("GET")) {
                Map<String, String> values = endpoint.path().startsWith("/programs/") ? Map.of("id", program)
                        : endpoint.path().startsWith("/webhooks/") ? Map.of("id", webhook) : ids;
                targets.put(endpoint.key(), () -> requests.query(endpoint.path(), values, endpoint.operation(),
                        endpoint.document()));
            }
        }
        targets.put("POST /exercises", () -> requests.body(valid(byKey.get("POST /exercises"), "/exercises", auth(),
                exerciseBody())));
        targets.put("PUT /exercises/{id}", () -> requests.nextInt(5) > 0
                ? requests.body(valid(byKey.get("PUT /exercises/{id}"), "/exercises/" + exercise, ifMatch(),
                        exerciseBody()))
                : changeWithoutPrecondition());
        targets.put("DELETE /exercises/{id}", this::retireWithoutPrecondition);
        targets.put("POST /programs", () -> requests.body(valid(byKey.get("POST /programs"), "/programs", auth(),
                programBody())));
        targets.put("POST /programs/preview", () -> requests.body(valid(byKey.get("POST /programs/preview"),
                "/programs/preview", auth(), programBody())));
        targets.put("DELETE /programs/{id}", () -> new Attempt("no such program", "DELETE", "/programs/"
                + encodePath(requests.nextInt(2) == 0 ? UUID.randomUUID().toString() : requests.randomText(40)),
                auth(), null, false, 0));
        targets.put("POST /programs/{id}/sessions", () -> requests.nextInt(5) > 0
                ? requests.body(valid(byKey.get("POST /programs/{id}/sessions"), "/programs/" + program + "/sessions",
                        idempotencyKey(), sessionBody()))
                : reportWithBadKeyOrProgram());
        targets.put("POST /programs/{id}/swaps", () -> requests.nextInt(5) > 0
                ? requests.body(valid(byKey.get("POST /programs/{id}/swaps"), "/programs/" + program + "/swaps",
                        auth(), swapBody()))
                : swapOnStaleVersionOrNoProgram());
        targets.put("DELETE /members/{memberId}", () -> new Attempt("a member id of the wrong form", "DELETE",
                "/members/" + encodePath(requests.nextInt(2) == 0 ? "m".repeat(65 + requests.nextInt(100))
                        : "m" + "!*~ ".charAt(requests.nextInt(4)) + requests.nextInt(1000)), auth(), null, false,
                400));
        targets.put("POST /members/{memberId}/imports", this::unreadableImport);
        targets.put("PUT /exercise-aliases/{name}", () -> requests.body(valid(byKey.get(
                "PUT /exercise-aliases/{name}"), "/exercise-aliases/fuzz%20alias", auth(), aliasBody())));
        targets.put("DELETE /exercise-aliases/{name}", () -> new Attempt("no such alias", "DELETE",
                "/exercise-aliases/" + encodePath("no such " + requests.nextInt(1_000_000)), auth(), null, false, 404));
        targets.put("POST /figures/rebuild", () -> {
            Attempt oversized = requests.oversized("POST", "/figures/rebuild", withJson(auth()));
            return new Attempt(oversized.what(), "POST", oversized.path(), oversized.headers(), oversized.body(),
                    false, 413);
        });
        targets.put("POST /webhooks", () -> requests.body(valid(byKey.get("POST /webhooks"), "/webhooks", auth(),
                webhookBody())));
        targets.put("DELETE /webhooks/{id}", () -> noSuchWebhook("DELETE", ""));
        targets.put("POST /webhooks/{id}/test", () -> noSuchWebhook("POST", "/test"));
        targets.put("POST /webhooks/{id}/deliveries/{deliveryId}/retry", () -> requests.nextInt(2) == 0
                ? noSuchWebhook("POST", "/deliveries/" + UUID.randomUUID() + "/retry")
                : new Attempt("no such delivery", "POST", "/webhooks/" + webhook + "/deliveries/"
                        + encodePath(requests.nextInt(2) == 0 ? UUID.randomUUID().toString()
                                : requests.randomText(40)) + "/retry", auth(), null, false, 0));
        return targets;
    }

    /** A call on a subscription the tenant does not have: an unknown id, or no id at all. */
    private Attempt noSuchWebhook(String method, String rest) {
        String id = requests.nextInt(2) == 0 ? UUID.randomUUID().toString() : requests.randomText(40);
        return new Attempt("no such subscription", method, "/webhooks/" + encodePath(id) + rest, auth(), null, false,
                0);
    }

    /** A subscription webhook-service would accept: the local stack allows loopback endpoints. */
    private static ObjectNode webhookBody() {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("url", "http://127.0.0.1:9/fuzz-hooks");
        body.putArray("events").add("member.erased");
        body.put("description", "Made up by the malformed-request test.");
        return body;
    }

    /** An import the service must refuse whole: not a history file, a bad parameter, a member id of the wrong form. */
    private Attempt unreadableImport() {
        Map<String, String> headers = new LinkedHashMap<>(auth());
        headers.put("Content-Type", "text/csv");
        String strong = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
                + "Workout Notes,RPE\n2026-03-02 18:00:00,Push,1h,Bench Press (Barbell),1,80,8,0,0,,,8\n";
        String path = "/members/" + MEMBER + "/imports";
        return switch (requests.nextInt(5)) {
            case 0 -> new Attempt("an import of random bytes", "POST", path + "?source=STRONG", headers,
                    requests.randomText(200).getBytes(StandardCharsets.UTF_8), false, 400);
            case 1 -> new Attempt("an import with another app's header", "POST", path + "?source=HEVY", headers,
                    strong.getBytes(StandardCharsets.UTF_8), false, 400);
            case 2 -> new Attempt("an import of an unknown source", "POST", path + "?source="
                    + requests.pick(List.of("FITBOD", "", "strong2", "1")), headers,
                    strong.getBytes(StandardCharsets.UTF_8), false, 400);
            case 3 -> new Attempt("an import with an unknown time zone", "POST", path + "?source=STRONG&timeZone="
                    + requests.pick(List.of("Mars/Olympus", "UTC%2B99", "Europe")), headers,
                    strong.getBytes(StandardCharsets.UTF_8), false, 400);
            default -> new Attempt("an import for a member id of the wrong form", "POST", "/members/"
                    + encodePath("m".repeat(65 + requests.nextInt(10))) + "/imports?source=STRONG", headers,
                    strong.getBytes(StandardCharsets.UTF_8), false, 400);
        };
    }

    private static ObjectNode aliasBody() {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("exerciseId", "romanian-deadlift");
        return body;
    }

    private Valid valid(Endpoint endpoint, String path, Map<String, String> headers, ObjectNode body) {
        JsonNode schema = endpoint.operation().at("/requestBody/content/application~1json/schema");
        return new Valid(endpoint.method(), path, headers, body, schema, endpoint.document());
    }

    private Attempt changeWithoutPrecondition() {
        byte[] body = json(exerciseBody());
        return switch (requests.nextInt(3)) {
            case 0 -> new Attempt("no If-Match", "PUT", "/exercises/" + exercise, withJson(auth()), body, false, 428);
            case 1 -> new Attempt("a stale or foreign If-Match", "PUT", "/exercises/" + exercise,
                    withJson(badIfMatch()), body, false, 412);
            default -> new Attempt("no such exercise", "PUT", "/exercises/" + encodePath("no-such-"
                    + requests.randomText(30)), withJson(ifMatch()), body, false, 0);
        };
    }

    private Attempt retireWithoutPrecondition() {
        return switch (requests.nextInt(3)) {
            case 0 -> new Attempt("a stale or foreign If-Match", "DELETE", "/exercises/" + exercise, badIfMatch(),
                    null, false, 412);
            case 1 -> new Attempt("a global exercise", "DELETE", "/exercises/romanian-deadlift", auth(), null, false,
                    403);
            default -> new Attempt("no such exercise", "DELETE", "/exercises/" + encodePath("no-such-"
                    + requests.randomText(30)), auth(), null, false, 0);
        };
    }

    private Attempt reportWithBadKeyOrProgram() {
        byte[] body = json(sessionBody());
        if (requests.nextInt(2) == 0) {
            Map<String, String> headers = withJson(auth());
            headers.put("Idempotency-Key", requests.pick(List.of("has space", "k".repeat(201), "{\"a\": 1}")));
            return new Attempt("a malformed Idempotency-Key", "POST", "/programs/" + program + "/sessions", headers,
                    body, false, 400);
        }
        String id = requests.nextInt(2) == 0 ? UUID.randomUUID().toString() : requests.randomText(40);
        return new Attempt("no such program", "POST", "/programs/" + encodePath(id) + "/sessions",
                withJson(idempotencyKey()), body, false, 0);
    }

    private Attempt swapOnStaleVersionOrNoProgram() {
        byte[] body = json(swapBody());
        if (requests.nextInt(2) == 0) {
            return new Attempt("a stale or foreign If-Match", "POST", "/programs/" + program + "/swaps",
                    withJson(badIfMatch()), body, false, 412);
        }
        String id = requests.nextInt(2) == 0 ? UUID.randomUUID().toString() : requests.randomText(40);
        return new Attempt("no such program", "POST", "/programs/" + encodePath(id) + "/swaps", withJson(auth()),
                body, false, 0);
    }

    /** A swap the fuzzed program would accept: its Romanian deadlift for the dumbbell one. */
    private static ObjectNode swapBody() {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("exerciseId", "romanian-deadlift");
        body.put("replacementExerciseId", "dumbbell-romanian-deadlift");
        body.put("sessionIndex", 1);
        return body;
    }

    private ObjectNode exerciseBody() {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("name", "Fuzz Exercise " + unique++);
        body.put("description", "Made up by the malformed-request test.");
        body.put("category", "STRENGTH");
        body.put("movementPattern", "HORIZONTAL_PULL");
        body.putArray("primaryMuscles").add("LATS");
        body.putArray("secondaryMuscles").add("BICEPS");
        body.putArray("equipment").add("CABLE");
        body.put("laterality", "BILATERAL");
        body.put("measure", "REPS");
        body.put("loadable", true);
        body.putArray("contraindications").add("SHOULDER_PAIN");
        body.putArray("cues").add("Pull the elbows back");
        body.putArray("mediaUrls").add("https://example.com/row.mp4");
        return body;
    }

    private ObjectNode programBody() {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("memberId", MEMBER);
        body.put("goal", "HYPERTROPHY");
        body.put("weakPoint", "LATS");
        body.putArray("equipment").add("BARBELL").add("CABLE");
        body.putArray("conditions").add("KNEE_PAIN");
        body.put("sessionsPerWeek", 2);
        body.put("includeSuperset", true);
        body.put("includeArms", false);
        return body;
    }

    private ObjectNode sessionBody() {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("sessionId", "fuzz-" + unique++);
        body.put("completedAt", Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        ObjectNode done = body.putArray("exercises").addObject();
        done.put("exerciseId", "romanian-deadlift");
        ObjectNode set = done.putArray("sets").addObject();
        set.put("reps", 8);
        set.put("loadKg", 60);
        set.put("rir", 2);
        set.put("toFailure", false);
        set.put("seconds", 40);
        set.put("warmup", false);
        return body;
    }

    private String garbledSignature() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder signature = new StringBuilder();
        for (int i = 0; i < 43; i++) {
            signature.append(alphabet.charAt(requests.nextInt(alphabet.length())));
        }
        return token.substring(0, token.lastIndexOf('.') + 1) + signature;
    }

    private Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + token);
    }

    private Map<String, String> ifMatch() {
        Map<String, String> headers = new LinkedHashMap<>(auth());
        headers.put("If-Match", "\"" + exerciseVersion + "\"");
        return headers;
    }

    private Map<String, String> badIfMatch() {
        Map<String, String> headers = new LinkedHashMap<>(auth());
        headers.put("If-Match", requests.pick(List.of("\"" + (exerciseVersion + 1 + requests.nextInt(1000)) + "\"",
                "W/\"x\"", "*", String.valueOf(exerciseVersion), "\"abc\"", "\"\"")));
        return headers;
    }

    private Map<String, String> idempotencyKey() {
        Map<String, String> headers = new LinkedHashMap<>(auth());
        headers.put("Idempotency-Key", "fuzz-key-" + unique++);
        return headers;
    }

    private static Map<String, String> withJson(Map<String, String> headers) {
        Map<String, String> withType = new LinkedHashMap<>(headers);
        withType.put("Content-Type", "application/json");
        return withType;
    }

    /** An attempt and the service it goes to. */
    private record Sent(String service, Attempt attempt) {
    }

    private List<String> send(List<Sent> attempts) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (Sent sent : attempts) {
                outcomes.add(clients.submit(() -> check(sent)));
            }
            List<String> failures = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                if (outcome.get() != null) {
                    failures.add(outcome.get());
                }
            }
            return failures;
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * A query parameter of 5,000 characters for each read that has one, each on a connection of its own: the HTTP
     * server answers such a request line 414 as HTTP/1.0 and closes the connection without a Connection: close
     * header, and the JDK's client would send the next request on it.
     *
     * @return how many were sent
     */
    private int sendLongUrls(List<Endpoint> endpoints, List<String> failures) {
        int sent = 0;
        for (Endpoint endpoint : endpoints) {
            for (JsonNode parameter : endpoint.operation().path("parameters")) {
                if (endpoint.method().equals("GET") && parameter.get("in").asText().equals("query")) {
                    String path = endpoint.path().replace("{id}", exercise).replace("{memberId}", MEMBER)
                            .replace("{name}", "fuzz%20alias") + "?"
                            + parameter.get("name").asText() + "=" + "q".repeat(5000);
                    String failure = check(new Sent(endpoint.service(), new Attempt("a 5,000-character parameter",
                            "GET", path, auth(), null, false, 0)), new Api());
                    if (failure != null) {
                        failures.add(failure);
                    }
                    sent++;
                    break;
                }
            }
        }
        return sent;
    }

    /** Null when the service refused the attempt cleanly, otherwise what went wrong. */
    private String check(Sent sent) {
        return check(sent, stack.api());
    }

    private String check(Sent sent, Api api) {
        Attempt attempt = sent.attempt();
        Api.Request request = api.request(attempt.method(), stack.url(sent.service()) + attempt.path());
        attempt.headers().forEach(request::header);
        if (attempt.body() != null) {
            if (attempt.chunked()) {
                request.chunked(attempt.body(), null);
            } else {
                request.body(attempt.body(), null);
            }
        }
        String what = attempt.method() + " " + attempt.path() + " [" + attempt.what() + "]";
        Reply reply;
        try {
            reply = request.trySend();
        } catch (IOException e) {
            return what + " -> connection dropped: " + e;
        }
        if (attempt.expected() != 0 ? reply.status() != attempt.expected()
                : reply.status() < 400 || reply.status() >= 500) {
            return what + " -> " + reply.status() + " " + shorten(reply.text());
        }
        if (reply.body().length > 0 && !Reply.PROBLEM_JSON.equals(reply.mediaType())) {
            return what + " -> " + reply.status() + " answered as " + reply.mediaType() + ", not a problem document";
        }
        return null;
    }

    private Snapshot snapshot() {
        JsonNode own = stack.api().get(stack.url(SystemStack.CATALOG) + "/exercises/" + exercise).token(token).send()
                .expect(200).json();
        return new Snapshot(
                stack.api().get(stack.url(SystemStack.CATALOG) + "/exercises?size=1").token(token).send().expect(200)
                        .json().get("total").asLong(),
                own.get("version").asLong(), own.get("retired").asBoolean(),
                stack.api().get(stack.url(SystemStack.PROGRAM) + "/members/" + MEMBER + "/programs?size=1")
                        .token(token).send().expect(200).json().get("total").asLong(),
                stack.api().get(stack.url(SystemStack.PROGRAM) + "/programs/" + program).token(token).send()
                        .expect(200).json().get("version").asLong(),
                tenant.sessionCount(MEMBER),
                recordsOn(CompletedSession.TOPIC), recordsOn(CATALOG_TOPIC),
                stack.api().get(stack.url(SystemStack.WEBHOOK) + "/webhooks?size=1").token(token).send().expect(200)
                        .json().get("total").asLong(),
                stack.api().get(stack.url(SystemStack.WEBHOOK) + "/webhooks/" + webhook + "/deliveries?size=1")
                        .token(token).send().expect(200).json().get("total").asLong(),
                stack.api().get(stack.url(SystemStack.LOGGING) + "/figures/rebuilds?size=1").token(token).send()
                        .expect(200).json().get("total").asLong());
    }

    /**
     * Sends one valid session report and one valid new exercise as markers and waits until both are through: the
     * outboxes relay in order, so anything a malformed request had stored would be published by then.
     */
    private void assertNothingStored(Snapshot before) {
        tenant.report(program, new CompletedSession(MEMBER, "fuzz-marker", Instant.now().minus(1, ChronoUnit.HOURS),
                List.of(new CompletedSession.Entry("romanian-deadlift", null,
                        List.of(CompletedSession.SetDone.work(5, "80", 2)))))).expect(202);
        ObjectNode marker = exerciseBody();
        marker.put("name", "Fuzz Marker");
        String markerId = tenant.createExercise(Api.JSON.convertValue(marker, Map.class)).get("id").asText();
        await().until(() -> tenant.sessionCount(MEMBER) == before.sessions() + 1);
        await().until(() -> keysOn(CATALOG_TOPIC).contains(markerId));

        Snapshot after = snapshot();
        assertEquals(new Snapshot(before.exercises() + 1, before.exerciseVersion(), before.exerciseRetired(),
                before.programs(), before.programVersion(), before.sessions() + 1, before.sessionEvents() + 1,
                before.catalogEvents() + 1, before.webhooks(), before.webhookDeliveries(), before.rebuilds()),
                after, "only the markers were stored and published");
    }

    /** Failures counted by endpoint, kind of malformation and status, for a quick overview. */
    private static Map<String, Long> byKind(List<String> failures) {
        return failures.stream().collect(Collectors.groupingBy(
                f -> f.replaceAll("^(\\S+) \\S+ \\[([^:\\]]*).*\\] -> (\\S+).*$", "$1 $2 -> $3"),
                TreeMap::new, Collectors.counting()));
    }

    /** Committed records on the topic (offsets would count the relay's transaction markers too). */
    private long recordsOn(String topic) {
        return Topics.readAll(stack.kafka(), topic).size();
    }

    private Set<String> keysOn(String topic) {
        Set<String> keys = new TreeSet<>();
        Topics.readAll(stack.kafka(), topic).stream().map(ConsumerRecord::key).forEach(keys::add);
        return keys;
    }

    private static byte[] json(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String shorten(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
