package app.backbone.catalog.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.backbone.catalog.domain.Exercise;
import app.backbone.catalog.messaging.PublishedStates;
import app.backbone.catalog.rest.ExerciseLifecycleTestData;
import app.backbone.common.outbox.OutboxEvent;
import app.backbone.testsupport.ProblemJson;
import app.backbone.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Creates or updates of one exercise reaching the service at the same moment: one wins, the others learn why. */
@QuarkusTest
class ExerciseConcurrentChangeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "race-gym";
    private static final int CALLERS = 4;
    private static final int ROUNDS = 5;

    @TestHTTPResource("/exercises")
    URI exercises;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void simultaneousCreatesOfOneNameGiveOneCreatedAndConflictsForTheRest() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        List<String> created = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String name = "Race row " + UUID.randomUUID();
                List<HttpResponse<String>> answers = createAtOnce(callers, name);
                List<HttpResponse<String>> wins = answers.stream().filter(a -> a.statusCode() == 201).toList();
                assertEquals(1, wins.size(), "one 201 among " + answers.stream().map(HttpResponse::body).toList());
                for (HttpResponse<String> answer : answers) {
                    if (answer != wins.get(0)) {
                        assertEquals(409, answer.statusCode(), answer.body());
                        assertTrue(answer.headers().firstValue("Content-Type").orElse("")
                                .startsWith(ProblemJson.MEDIA_TYPE), answer.headers().toString());
                        assertEquals(409, JSON.readTree(answer.body()).get("status").asInt(), answer.body());
                    }
                }
                created.add(JSON.readTree(wins.get(0).body()).get("id").asText());
                assertEquals(1L, stored(name), "stored exercises named " + name);
            }
        } finally {
            callers.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingOutbox() == 0);
        Map<String, List<JsonNode>> published = PublishedStates.byExercise();
        for (String id : created) {
            assertEquals(1, published.getOrDefault(id, List.of()).size(), "states published for " + id);
        }
    }

    @Test
    void simultaneousUpdatesOfOneVersionGiveOneChangeAndPreconditionFailuresForTheRest() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String name = "Race press " + UUID.randomUUID();
                String id = JSON.readTree(createAtOnce(callers, name).stream().filter(a -> a.statusCode() == 201)
                        .findFirst().orElseThrow().body()).get("id").asText();
                List<HttpRequest> updates = new ArrayList<>();
                for (int i = 0; i < CALLERS; i++) {
                    updates.add(HttpRequest.newBuilder(exercises.resolve("/exercises/" + id))
                            .header("Authorization", "Bearer " + TestTokens.token(TENANT, "admin"))
                            .header("Content-Type", "application/json").header("If-Match", "\"0\"")
                            .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                                    ExerciseLifecycleTestData.body(name + " v" + i))))
                            .build());
                }
                List<HttpResponse<String>> answers = atOnce(callers, updates);
                List<HttpResponse<String>> wins = answers.stream().filter(a -> a.statusCode() == 200).toList();
                assertEquals(1, wins.size(), "one 200 among " + answers.stream().map(HttpResponse::body).toList());
                for (HttpResponse<String> answer : answers) {
                    if (answer != wins.get(0)) {
                        assertEquals(412, answer.statusCode(), answer.body());
                        assertTrue(answer.headers().firstValue("Content-Type").orElse("")
                                .startsWith(ProblemJson.MEDIA_TYPE), answer.headers().toString());
                    }
                }
                assertEquals(1, JSON.readTree(wins.get(0).body()).get("version").asLong());
            }
        } finally {
            callers.shutdownNow();
        }
    }

    private List<HttpResponse<String>> createAtOnce(ExecutorService callers, String name) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(exercises)
                .header("Authorization", "Bearer " + TestTokens.token(TENANT, "admin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(ExerciseLifecycleTestData.body(name))))
                .build();
        return atOnce(callers, Collections.nCopies(CALLERS, request));
    }

    /** Sends the requests from as many threads, released together. */
    private List<HttpResponse<String>> atOnce(ExecutorService callers, List<HttpRequest> requests)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> pending = new ArrayList<>();
        for (HttpRequest request : requests) {
            pending.add(callers.submit(() -> {
                start.await();
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            }));
        }
        start.countDown();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : pending) {
            answers.add(answer.get());
        }
        return answers;
    }

    private static long stored(String name) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Exercise.count("tenantId = ?1 and name = ?2", TENANT, name));
    }

    private static long pendingOutbox() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
    }
}
