package app.backbone.logging.messaging;

import static app.backbone.logging.TestEvents.exerciseChanged;
import static app.backbone.logging.TestEvents.exerciseDone;
import static app.backbone.logging.TestEvents.prescription;
import static app.backbone.logging.TestEvents.sessionCompleted;
import static app.backbone.logging.TestEvents.set;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import app.backbone.common.catalog.CatalogExercise;
import app.backbone.common.catalog.CatalogTopic;
import app.backbone.common.outbox.OutboxEvent;
import app.backbone.common.outbox.OutboxRelay;
import app.backbone.logging.Rebuilds;
import app.backbone.logging.domain.TrainingSession;
import app.backbone.logging.domain.figures.IsoWeek;
import app.backbone.testsupport.TestTokens;
import app.backbone.testsupport.TopicReader;
import app.backbone.testsupport.TopicWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What storing sessions publishes, read from the public topics as a consumer would, against figures worked out by
 * hand: the members' progress on training.member-progress and the insights on training.insights. Every record read
 * is held to its JSON Schema.
 */
@QuarkusTest
class ProgressPublishingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TENANT = "progress-gym";
    private static final String RDL = "pp-rdl";
    private static final String ROW = "pp-row";
    private static final String BENCH = "pp-bench";
    private static final String MARKER = "pp-marker";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final JsonSchema PROGRESS_SCHEMA =
            SCHEMAS.getSchema(Path.of("contracts/training.member-progress.schema.json").toUri());
    private static final JsonSchema INSIGHT_SCHEMA =
            SCHEMAS.getSchema(Path.of("contracts/training.insights.schema.json").toUri());

    private static TopicReader progressTopic;
    private static TopicReader insightsTopic;

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void theCatalogDescribesTheExercises() {
        progressTopic = new TopicReader(ProgressTopics.MEMBER_PROGRESS);
        insightsTopic = new TopicReader(ProgressTopics.INSIGHTS);
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(CatalogTopic.EXERCISES, RDL, exerciseChanged(RDL, 0, "STRENGTH", "HIP_HINGE",
                    List.of("HAMSTRINGS"), List.of("GLUTES")));
            writer.send(CatalogTopic.EXERCISES, ROW, exerciseChanged(ROW, 0, "STRENGTH", "HORIZONTAL_PULL",
                    List.of("LATS"), List.of("BICEPS")));
            writer.send(CatalogTopic.EXERCISES, BENCH, exerciseChanged(BENCH, 0, "STRENGTH", "HORIZONTAL_PUSH",
                    List.of("PECTORALS"), List.of("TRICEPS")));
            writer.send(CatalogTopic.EXERCISES, MARKER, exerciseChanged(MARKER, 0, "STRENGTH", "SQUAT",
                    List.of("QUADRICEPS"), List.of()));
        }
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> CatalogExercise.byIds(List.of(RDL, ROW, BENCH, MARKER)).size()) == 4);
    }

    @AfterAll
    static void closeReaders() {
        progressTopic.close();
        insightsTopic.close();
    }

    /*
     * Member pp-a, sessions sent in this order (d = days before now; every working set at rir 2). A first value beats
     * nothing, so it announces nothing:
     *   old  d40  bench 4 x 8 at 60 (8-12)     first bench values: heaviest 60, e1RM 60 x (1 + 10/30) = 80,
     *                                          tonnage 4 x 8 x 60 = 1920
     *   s1   d20  rdl 3 x 10 at 100 (8-10)     first rdl values: heaviest 100, e1RM 100 x 42/30 = 140,
     *                                          tonnage 3000
     *             row 3 x 10 at 50 (10-12)     first row values: heaviest 50, e1RM 50 x 42/30 = 70, tonnage 1500
     *   s2   d10  rdl 105 x 9, 7, 7            heaviest 100 -> 105, e1RM 105 x 41/30 = 143.5 beats 140;
     *                                          tonnage 23 x 105 = 2415 < 3000; 105 kg never lifted       2 records
     *             row 3 x 12 at 50             12 reps at 50 kg beat 10; tonnage 1800 beats 1500; e1RM
     *                                          none (12 + 2 > 12)                                       2 records
     *   s3   d3   rdl 105 x 7, 7, 6            below 8 reps in s2 and s3 at 105: DELOAD to 90% = 94.5;
     *                                          e1RM 136.5, 7 reps at 105, tonnage 2100: no record       1 deload
     *             bench 2 x 8 at 60            ties and less: no record
     *   s3 again (same event) and s3 republished (new event id): stored once, announce nothing
     *   s0   d15  rdl 3 x 9 at 102.5           arrives late: above s1 of the 20th (102.5 > 100 kg, e1RM
     *                                          102.5 x 41/30 = 140.08 > 140) but below s2 (105 kg, 143.5);
     *                                          tonnage 2767.5 < 3000; 102.5 kg never lifted: nothing
     *   first-marker d2, marker d1: the marker exercise 1 x 5 at 20, then at 25: heaviest 20 -> 25, e1RM
     *                                          20 x 37/30 = 24.67 -> 30.83, tonnage 100 -> 125           3 records
     * -> 4 RECORD_ACHIEVED before the marker's 3, and one DELOAD_RECOMMENDED.
     * Progress after all of them: pull hard sets over the four weeks = row 3 (s1) + 3 (s2) = 6; push = bench 2 (s3;
     * the 4 sets of d40 lie outside the four weeks).
     */
    @Test
    void progressAndInsightsMatchTheHandComputedSessions() {
        String member = "pp-a";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String s3 = session(member, "s3", now, 3,
                exerciseDone(RDL, prescription(3, 8, 10), set(7, 105, 2, false), set(7, 105, 2, false),
                        set(6, 105, 2, false)),
                exerciseDone(BENCH, prescription(3, 8, 12), set(8, 60, 2, false), set(8, 60, 2, false)));
        try (TopicWriter writer = new TopicWriter()) {
            send(writer, member, session(member, "old", now, 40, exerciseDone(BENCH, prescription(4, 8, 12),
                    set(8, 60, 2, false), set(8, 60, 2, false), set(8, 60, 2, false), set(8, 60, 2, false))));
            send(writer, member, session(member, "s1", now, 20,
                    exerciseDone(RDL, prescription(3, 8, 10), set(10, 100, 2, false), set(10, 100, 2, false),
                            set(10, 100, 2, false)),
                    exerciseDone(ROW, prescription(3, 10, 12), set(10, 50, 2, false), set(10, 50, 2, false),
                            set(10, 50, 2, false))));
            send(writer, member, session(member, "s2", now, 10,
                    exerciseDone(RDL, prescription(3, 8, 10), set(9, 105, 2, false), set(7, 105, 2, false),
                            set(7, 105, 2, false)),
                    exerciseDone(ROW, prescription(3, 10, 12), set(12, 50, 2, false), set(12, 50, 2, false),
                            set(12, 50, 2, false))));
            send(writer, member, s3);
            send(writer, member, s3);
            send(writer, member, session(member, "s3", now, 3,
                    exerciseDone(RDL, prescription(3, 8, 10), set(7, 105, 2, false))));
            send(writer, member, session(member, "s0", now, 15, exerciseDone(RDL, prescription(3, 8, 10),
                    set(9, 102.5, 2, false), set(9, 102.5, 2, false), set(9, 102.5, 2, false))));
            sendMarkers(writer, member, now, 2);
        }

        List<JsonNode> insights = awaitInsightsUpToTheMarker(member);
        List<JsonNode> records = insights.stream().filter(i -> "RECORD_ACHIEVED".equals(i.get("type").asText()))
                .toList();
        assertEquals(4, records.size(), insights::toString);
        assertEquals(Set.of("s2 RDL HEAVIEST_LOAD 100 105", "s2 RDL BEST_E1RM 140 143.5",
                "s2 ROW MOST_REPS_AT_LOAD 10 12", "s2 ROW BEST_SESSION_TONNAGE 1500 1800"),
                records.stream().map(ProgressPublishingTest::describe).collect(Collectors.toSet()));
        JsonNode mostReps = records.stream().filter(r -> "MOST_REPS_AT_LOAD".equals(r.at("/record/kind").asText()))
                .findFirst().orElseThrow();
        assertEquals("reps", mostReps.at("/record/unit").asText());
        assertEquals(50.0, mostReps.at("/record/loadKg").asDouble());
        assertEquals(now.minus(10, ChronoUnit.DAYS), Instant.parse(mostReps.get("completedAt").asText()));

        List<JsonNode> deloads = insights.stream().filter(i -> "DELOAD_RECOMMENDED".equals(i.get("type").asText()))
                .toList();
        assertEquals(1, deloads.size(), insights::toString);
        JsonNode deload = deloads.get(0);
        assertEquals(RDL, deload.get("exerciseId").asText());
        assertEquals("s3", deload.get("sessionId").asText());
        assertEquals("DELOAD", deload.at("/recommendation/action").asText());
        assertEquals(94.5, deload.at("/recommendation/nextLoadKg").asDouble());
        assertTrue(deload.at("/recommendation/reason").asText().startsWith("DELOAD: "));
        assertEquals(insights.size(), insights.stream().map(i -> i.get("eventId").asText()).distinct().count());
        assertEquals(List.of("s2", "s3"), insights.stream().map(i -> i.get("sessionId").asText())
                .distinct().toList(), "in the order the sessions arrived");

        JsonNode progress = awaitProgress(member, withTheLastMarker(now, 2));
        assertEquals(TENANT, progress.get("tenantId").asText());
        assertEquals(List.of(BENCH, MARKER, RDL, ROW), StreamSupport.stream(progress.get("exercises").spliterator(),
                false).map(e -> e.get("exerciseId").asText()).toList());
        // bench: 8 reps at 60 kg, the bar is 12: hold at 60.
        assertExercise(progress, BENCH, "HOLD", 60.0, 60.0, 80.0, now.minus(3, ChronoUnit.DAYS));
        // rdl: judged on s2 and s3 (s0 is older): deload to 94.5; top load of s3 105; best e1RM 143.5 (s2).
        assertExercise(progress, RDL, "DELOAD", 94.5, 105.0, 143.5, now.minus(3, ChronoUnit.DAYS));
        // row: every set of s2 reached 12: 50 + 2.5 = 52.5; e1RM 70 (s1).
        assertExercise(progress, ROW, "INCREASE", 52.5, 50.0, 70.0, now.minus(10, ChronoUnit.DAYS));
        for (String exerciseId : List.of(BENCH, MARKER, RDL, ROW)) {
            JsonPath answered = given().auth().oauth2(TestTokens.token(TENANT, "trainer"))
                    .queryParam("exerciseId", exerciseId)
                    .when().get("/members/" + member + "/progression")
                    .then().statusCode(200).extract().jsonPath();
            JsonNode published = exercise(progress, exerciseId);
            assertEquals(answered.getString("recommendation.action"), published.get("action").asText());
            assertEquals(answered.getDouble("recommendation.nextLoadKg"), published.get("nextLoadKg").asDouble());
            assertEquals(answered.getString("recommendation.reason"), published.get("reason").asText());
        }

        IsoWeek toWeek = IsoWeek.of(Instant.parse(progress.get("computedAt").asText()));
        IsoWeek fromWeek = IsoWeek.of(toWeek.monday().minusWeeks(3));
        assertEquals(fromWeek.toString(), progress.at("/pullPush/fromWeek").asText());
        assertEquals(toWeek.toString(), progress.at("/pullPush/toWeek").asText());
        assertEquals(6, progress.at("/pullPush/pullHardSets").asInt());
        assertEquals(2, progress.at("/pullPush/pushHardSets").asInt());
        JsonPath volume = given().auth().oauth2(TestTokens.token(TENANT, "trainer"))
                .queryParam("from", fromWeek.monday().toString()).queryParam("to", toWeek.monday().toString())
                .when().get("/members/" + member + "/volume")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(6, volume.getList("weeks.pullHardSets", Integer.class).stream().mapToInt(i -> i).sum());
        assertEquals(2, volume.getList("weeks.pushHardSets", Integer.class).stream().mapToInt(i -> i).sum());
    }

    /*
     * While the relay is stopped, 12 sessions of member pp-burst (3 x 10 at 40 + i kg of the marker exercise, one a
     * day) are stored, in one or several batches; only the newest progress waits in the outbox, and it is the one
     * record the topic gets for the burst: its last load 51 kg (i = 11), its best e1RM 51 x 42/30 = 71.4.
     */
    @Test
    void aBurstOfSessionsWhileTheRelayIsStoppedPublishesOneProgressRecordTheNewest() {
        String member = "pp-burst";
        String key = ProgressTopics.key(TENANT, member);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        relay.stop();
        try {
            try (TopicWriter writer = new TopicWriter()) {
                for (int i = 0; i < 12; i++) {
                    send(writer, member, session(member, "burst-" + i, now, 12 - i, exerciseDone(MARKER,
                            prescription(3, 8, 10), set(10, 40 + i, 2, false), set(10, 40 + i, 2, false),
                            set(10, 40 + i, 2, false))));
                }
            }
            await().atMost(WAIT).until(() -> stored(member) == 12);
            assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count(
                    "topic = ?1 and messageKey = ?2", ProgressTopics.MEMBER_PROGRESS, key)));
        } finally {
            relay.start();
        }
        JsonNode burst = awaitProgress(member, p -> true);
        JsonNode marker = exercise(burst, MARKER);
        assertEquals(51.0, marker.get("lastLoadKg").asDouble());
        assertEquals(71.4, marker.get("bestE1rmKg").asDouble());
        assertEquals(now.minus(1, ChronoUnit.DAYS), Instant.parse(marker.get("lastCompletedAt").asText()));

        // One more session: once its state is read, everything published before it under this key has been too.
        try (TopicWriter writer = new TopicWriter()) {
            send(writer, member, session(member, "after-burst", now, 0, exerciseDone(RDL, prescription(3, 8, 10),
                    set(8, 60, 2, false))));
        }
        awaitProgress(member, p -> exercise(p, RDL) != null);
        List<JsonNode> published = readAll(progressTopic, PROGRESS_SCHEMA, key);
        assertEquals(2, published.size(), published::toString);
        assertTrue(published.get(1).get("revision").asLong() > published.get(0).get("revision").asLong());
    }

    /*
     * Member pp-legacy's first session (rdl 3 x 10 at 100: heaviest 100, e1RM 140, tonnage 3000) was stored before
     * standings were kept: its rows are removed once stored. The next session, 3 x 10 at 102.5 (e1RM 102.5 x 42/30 =
     * 143.5, tonnage 3075), is judged against it all the same: it beats three of its records, which a first session
     * would not announce, and every set reached the bar of 10: increase by 5 kg (a hinge). A rebuild recomputes the
     * standing and publishes it under a new revision; the next session, 3 x 9 at 100, holds.
     */
    @Test
    void aMemberWhoseSessionsWereStoredBeforeStandingsWereKeptIsJudgedOnAllOfThem() throws SQLException {
        String member = "pp-legacy";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (TopicWriter writer = new TopicWriter()) {
            send(writer, member, session(member, "legacy-1", now, 6, exerciseDone(RDL, prescription(3, 8, 10),
                    set(10, 100, 2, false), set(10, 100, 2, false), set(10, 100, 2, false))));
        }
        awaitProgress(member, p -> true);
        try (Connection connection = dataSource.getConnection()) {
            for (String table : List.of("member_progress", "exercise_standing")) {
                try (PreparedStatement forget = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE tenant_id = ? AND member_id = ?")) {
                    forget.setString(1, TENANT);
                    forget.setString(2, member);
                    assertEquals(1, forget.executeUpdate(), table);
                }
            }
        }
        try (TopicWriter writer = new TopicWriter()) {
            send(writer, member, session(member, "legacy-2", now, 4, exerciseDone(RDL, prescription(3, 8, 10),
                    set(10, 102.5, 2, false), set(10, 102.5, 2, false), set(10, 102.5, 2, false))));
            sendMarkers(writer, member, now, 3);
        }
        List<JsonNode> insights = awaitInsightsUpToTheMarker(member);
        assertEquals(Set.of("legacy-2 RDL HEAVIEST_LOAD 100 102.5", "legacy-2 RDL BEST_E1RM 140 143.5",
                "legacy-2 RDL BEST_SESSION_TONNAGE 3000 3075"),
                insights.stream().map(ProgressPublishingTest::describe).collect(Collectors.toSet()));
        JsonNode progress = awaitProgress(member, withTheLastMarker(now, 3));
        assertExercise(progress, RDL, "INCREASE", 107.5, 102.5, 143.5, now.minus(4, ChronoUnit.DAYS));

        Rebuilds.rebuild(TENANT);
        try (TopicWriter writer = new TopicWriter()) {
            send(writer, member, session(member, "legacy-3", now, 2, exerciseDone(RDL, prescription(3, 8, 10),
                    set(9, 100, 2, false), set(9, 100, 2, false), set(9, 100, 2, false))));
        }
        JsonNode rebuilt = awaitProgress(member, p -> now.minus(2, ChronoUnit.DAYS).equals(
                Instant.parse(exercise(p, RDL).get("lastCompletedAt").asText())));
        assertEquals(progress.get("revision").asLong() + 2, rebuilt.get("revision").asLong(),
                "one revision for the rebuild, one for the session");
        // 9 reps at 100 kg, the bar is 10: hold.
        assertExercise(rebuilt, RDL, "HOLD", 100.0, 100.0, 143.5, now.minus(2, ChronoUnit.DAYS));
    }

    private static String session(String member, String sessionId, Instant now, int daysAgo, String... exercises) {
        return sessionCompleted(TENANT, member, sessionId, now.minus(daysAgo, ChronoUnit.DAYS).toString(),
                exercises);
    }

    /**
     * The marker exercise on two days, the second ending {@code lastDaysAgo} before now: 1 x 5 at 20 kg, then at
     * 25 kg, which beats three records (heaviest load, e1RM, tonnage).
     */
    private static void sendMarkers(TopicWriter writer, String member, Instant now, int lastDaysAgo) {
        send(writer, member, session(member, member + "-first-marker", now, lastDaysAgo + 1,
                exerciseDone(MARKER, prescription(1, 5, 5), set(5, 20, 2, false))));
        send(writer, member, session(member, member + "-marker", now, lastDaysAgo,
                exerciseDone(MARKER, prescription(1, 5, 5), set(5, 25, 2, false))));
    }

    /**
     * Whether a progress state follows both markers {@link #sendMarkers} sent: a relay round may publish the state
     * between them, whose revision the next one raises.
     */
    private static Predicate<JsonNode> withTheLastMarker(Instant now, int lastDaysAgo) {
        return p -> exercise(p, MARKER) != null && now.minus(lastDaysAgo, ChronoUnit.DAYS)
                .equals(Instant.parse(exercise(p, MARKER).get("lastCompletedAt").asText()));
    }

    private static void send(TopicWriter writer, String member, String event) {
        writer.send(SessionTopics.COMPLETED, member, event);
    }

    private static long stored(String member) {
        return QuarkusTransaction.requiringNew()
                .call(() -> TrainingSession.count("tenantId = ?1 and memberId = ?2", TENANT, member));
    }

    /** The member's insights, in order, once the marker exercise's three records have arrived. */
    private static List<JsonNode> awaitInsightsUpToTheMarker(String member) {
        String key = ProgressTopics.key(TENANT, member);
        await().atMost(WAIT).until(() -> readAll(insightsTopic, INSIGHT_SCHEMA, key).stream()
                .filter(i -> MARKER.equals(i.get("exerciseId").asText())).count() == 3);
        return readAll(insightsTopic, INSIGHT_SCHEMA, key).stream()
                .filter(i -> !MARKER.equals(i.get("exerciseId").asText())).toList();
    }

    /** The member's progress with the highest revision, once it satisfies {@code ready}. */
    private static JsonNode awaitProgress(String member, Predicate<JsonNode> ready) {
        String key = ProgressTopics.key(TENANT, member);
        return await().atMost(WAIT).until(() -> readAll(progressTopic, PROGRESS_SCHEMA, key).stream()
                .max(Comparator.comparingLong(p -> p.get("revision").asLong())).orElse(null),
                p -> p != null && ready.test(p));
    }

    /**
     * Every record of the topic read so far under this key, oldest first; each record of the topic, whatever its
     * key, is first held to the schema.
     */
    private static List<JsonNode> readAll(TopicReader topic, JsonSchema schema, String key) {
        List<JsonNode> ofKey = new ArrayList<>();
        for (ConsumerRecord<String, String> record : topic.poll()) {
            JsonNode json = parse(record.value());
            assertTrue(schema.validate(json).isEmpty(), () -> schema.validate(json) + " in " + record.value());
            if (key.equals(record.key())) {
                assertEquals(key, json.get("tenantId").asText() + "/" + json.get("memberId").asText());
                ofKey.add(json);
            }
        }
        return ofKey;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode exercise(JsonNode progress, String exerciseId) {
        for (JsonNode exercise : progress.get("exercises")) {
            if (exerciseId.equals(exercise.get("exerciseId").asText())) {
                return exercise;
            }
        }
        return null;
    }

    private static void assertExercise(JsonNode progress, String exerciseId, String action, double nextLoadKg,
            double lastLoadKg, double bestE1rmKg, Instant lastCompletedAt) {
        JsonNode exercise = exercise(progress, exerciseId);
        assertEquals(action, exercise.get("action").asText(), exercise::toString);
        assertEquals(nextLoadKg, exercise.get("nextLoadKg").asDouble(), exercise::toString);
        assertEquals(lastLoadKg, exercise.get("lastLoadKg").asDouble(), exercise::toString);
        assertEquals(bestE1rmKg, exercise.get("bestE1rmKg").asDouble(), exercise::toString);
        assertEquals(lastCompletedAt, Instant.parse(exercise.get("lastCompletedAt").asText()), exercise::toString);
    }

    /** A record insight as "session EXERCISE KIND previous new", the exercise without its prefix. */
    private static String describe(JsonNode insight) {
        JsonNode record = insight.get("record");
        return insight.get("sessionId").asText() + " "
                + insight.get("exerciseId").asText().substring(3).toUpperCase() + " "
                + record.get("kind").asText() + " " + number(record.get("previousValue")) + " "
                + number(record.get("newValue"));
    }

    private static String number(JsonNode value) {
        return value == null || value.isNull() ? "null"
                : value.decimalValue().stripTrailingZeros().toPlainString();
    }
}
