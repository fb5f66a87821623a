package app.backbone.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import app.backbone.system.CompletedSession.Entry;
import app.backbone.system.CompletedSession.SetDone;
import app.backbone.system.ScaleCluster.Instance;

/**
 * Backbone at scale ({@link ScaleCluster}: three brokers with SASL, two instances of every service): instances
 * started together and killed in turn, partition leaders killed, the database cut off, the brokers down for
 * minutes, and chains that publish their own sessions. Nothing is lost or doubled, every figure equals the formulas
 * and a rebuild, each exercise's versions rise along {@code catalog.exercises}, and no dead letter is written but
 * the forged record's.
 */
@SystemTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleIT {

    private static final Duration CATCH_UP = Duration.ofMinutes(3);
    private static final Duration DATABASE_CUT = Duration.ofSeconds(30);
    private static final Duration READY_AFTER_DATABASE = Duration.ofSeconds(30);
    private static final Duration BROKERS_DOWN = Duration.ofMinutes(2);
    private static final Duration PUBLISH_PAUSE = Duration.ofMillis(150);
    private static final Duration REPORT_PAUSE = Duration.ofMillis(300);
    private static final Duration CHANGE_PAUSE = Duration.ofMillis(200);
    /**
     * The instances killed in turn while sessions stream, by service and index: both of logging-service, one of each
     * other (the other catalog and program instances are killed as an older release and while they relay).
     */
    private static final List<Map.Entry<String, Integer>> KILLED_IN_TURN = List.of(
            Map.entry(SystemStack.CATALOG, 1), Map.entry(SystemStack.PROGRAM, 1), Map.entry(SystemStack.LOGGING, 0),
            Map.entry(SystemStack.LOGGING, 1), Map.entry(SystemStack.WEBHOOK, 0));
    /** The services with an outbox. */
    private static final List<String> PUBLISHERS = List.of(SystemStack.CATALOG, SystemStack.PROGRAM,
            SystemStack.LOGGING);
    private static final String SESSIONS_DEAD_LETTERS = CompletedSession.TOPIC + ".dlq";

    private final SystemStack stack;
    private ScaleCluster cluster;
    private long library;

    ScaleIT(SystemStack stack) {
        this.stack = stack;
    }

    @BeforeAll
    void startCluster() throws Exception {
        Path dir = Path.of("target/scale-cluster").toAbsolutePath();
        SystemStack.deleteRecursively(dir);
        long started = System.nanoTime();
        cluster = ScaleCluster.start(stack, dir);
        System.out.printf("Scale cluster up in %.1f s: 3 brokers, 2 instances each of %s%n",
                (System.nanoTime() - started) / 1e9, ScaleCluster.SERVICES);
        library = single(SystemStack.CATALOG, "SELECT count(*) FROM exercise WHERE scope = 'GLOBAL'");
    }

    @AfterAll
    void stopCluster() throws IOException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void twoCatalogInstancesStartedTogetherOnAnEmptyDatabasePublishTheLibraryOnce() {
        assertTrue(library > 50, "the global library is stored: " + library);
        await().atMost(CATCH_UP).until(() -> single(SystemStack.CATALOG, "SELECT count(*) FROM outbox_event") == 0);
        List<ConsumerRecord<String, String>> records = Topics.readAll(cluster.connection(), ScaleCluster.CATALOG_TOPIC);
        Set<String> keys = new HashSet<>();
        records.forEach(record -> keys.add(record.key()));
        assertEquals(library, keys.size(), "every global exercise on the topic");
        assertEquals(library, records.size(), "each exercise once: the second instance's sync found it stored");
    }

    @Test
    @Order(2)
    void anOlderReleaseStartedAfterANewerOneRetiresNothing() throws Exception {
        String newer = "scale-newer-release-lift";
        long release = single(SystemStack.CATALOG, "SELECT release FROM library_release");
        update(SystemStack.CATALOG, "UPDATE library_release SET release = release + 1");
        update(SystemStack.CATALOG, "INSERT INTO exercise (id, scope, name, description, category, movement_pattern, "
                + "primary_muscles, secondary_muscles, equipment, laterality, measure, loadable, contraindications, "
                + "cues, media_urls) SELECT '" + newer + "', scope, 'Newer release lift', description, category, "
                + "movement_pattern, primary_muscles, secondary_muscles, equipment, laterality, measure, loadable, "
                + "contraindications, cues, media_urls FROM exercise WHERE scope = 'GLOBAL' ORDER BY id LIMIT 1");
        long published = total(ScaleCluster.CATALOG_TOPIC);
        try {
            Instance older = cluster.instances(SystemStack.CATALOG).get(0);
            older.kill();
            older.start();

            assertEquals(0, single(SystemStack.CATALOG, "SELECT count(*) FROM exercise WHERE retired"),
                    "nothing retired, the newer release's exercise included");
            assertEquals(release + 1, single(SystemStack.CATALOG, "SELECT release FROM library_release"));
            assertEquals(0, single(SystemStack.CATALOG, "SELECT count(*) FROM outbox_event"));
            assertEquals(published, total(ScaleCluster.CATALOG_TOPIC), "no change published");
        } finally {
            update(SystemStack.CATALOG, "DELETE FROM exercise WHERE id = '" + newer + "'");
            update(SystemStack.CATALOG, "UPDATE library_release SET release = " + release);
        }
    }

    @Test
    @Order(3)
    void instancesKilledInTurnWhileSessionsAndCatalogChangesStreamLoseAndDoubleNothing() throws Exception {
        Tenant publishing = Tenant.create(stack, "scale-kafka", cluster::url);
        Tenant reporting = Tenant.create(stack, "scale-api", cluster::url);
        Map<String, Object> chain = cluster.addChain(publishing.id(), "chain-" + publishing.id(), "chain-secret");
        SessionStream published = new SessionStream(publishing, "member-", 6, 21);
        SessionStream reported = new SessionStream(reporting, "member-", 4, 22);
        Map<String, JsonNode> programs = programs(reporting, reported);
        CatalogChanges changes = new CatalogChanges(reporting, 3);

        try (SessionPublisher publisher = new SessionPublisher(chain,
                ScaleCluster.SESSIONS_TOPIC_PREFIX + publishing.id(), publishing.id())) {
            Thread publisherThread = published.publishInBackground(publisher, PUBLISH_PAUSE);
            Thread reporterThread = reported.reportInBackground(programs, REPORT_PAUSE);
            changes.start();

            killLeader(CompletedSession.TOPIC, published, reported);
            for (Map.Entry<String, Integer> killed : KILLED_IN_TURN) {
                Instance instance = cluster.instances(killed.getKey()).get(killed.getValue());
                awaitProgress(published, reported);
                instance.kill();
                awaitProgress(published, reported);
                long started = System.nanoTime();
                instance.start();
                System.out.printf("Killed %s; ready again in %.1f s%n", instance, (System.nanoTime() - started) / 1e9);
            }
            killLeader(ScaleCluster.SESSIONS_TOPIC_PREFIX + publishing.id(), published, reported);
            awaitProgress(published, reported);

            published.stop(publisherThread);
            reported.stop(reporterThread);
            changes.stop();
            publisher.awaitAcks();
        }
        System.out.printf("Published %d sessions to Kafka and reported %d to program-service; %d catalog changes%n",
                published.published(), reported.published(), changes.made());

        assertAllCountedOnce(publishing, published);
        assertAllCountedOnce(reporting, reported);
        assertCatalogVersionsRise();
        assertEquals(0, deadLetters(), "no dead letters");
    }

    @Test
    @Order(4)
    void theSameIdempotencyKeySentToBothProgramInstancesAtOnceCountsOnce() throws Exception {
        Tenant tenant = Tenant.create(stack, "scale-key", cluster::url);
        String member = "member-0";
        String programId = tenant.createProgram(member, "STRENGTH").get("id").asText();
        CompletedSession session = new CompletedSession(member, "key-session", Instant.now().minusSeconds(3600),
                List.of(new Entry("romanian-deadlift", null, List.of(SetDone.work(8, "80", 2)))));
        String key = UUID.randomUUID().toString();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Reply>> answers = new ArrayList<>();
        for (Instance instance : cluster.instances(SystemStack.PROGRAM)) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return stack.api().post(instance.url() + "/programs/" + programId + "/sessions")
                        .token(tenant.trainerToken()).header("Idempotency-Key", key).json(session.report()).send();
            }));
        }
        go.countDown();
        JsonNode first = answers.get(0).get().expect(202).json();
        JsonNode second = answers.get(1).get().expect(202).json();
        assertEquals(first, second, "the same answer from both instances");

        await().atMost(CATCH_UP).until(() -> tenant.sessionCount(member) == 1);
        long events = Topics.readAll(cluster.connection(), CompletedSession.TOPIC).stream()
                .filter(record -> record.value().contains(first.get("eventId").asText())).count();
        assertEquals(1, events, "one event published");
        assertEquals(List.of(first.get("sessionId").asText()), tenant.sessionIds(member));
    }

    @Test
    @Order(5)
    void theDatabaseCutOffForThirtySecondsLosesNothingAndDeadLettersNothing() throws Exception {
        Tenant tenant = Tenant.create(stack, "scale-db", cluster::url);
        Map<String, Object> chain = cluster.addChain(tenant.id(), "chain-" + tenant.id(), "chain-secret");
        SessionStream stream = new SessionStream(tenant, "member-", 4, 23);
        long deadLetters = deadLetters();
        try (SessionPublisher publisher = new SessionPublisher(chain,
                ScaleCluster.SESSIONS_TOPIC_PREFIX + tenant.id(), tenant.id())) {
            Thread publisherThread = stream.publishInBackground(publisher, PUBLISH_PAUSE);
            await().atMost(CATCH_UP).until(() -> stream.storedCount() >= 20);

            cluster.databaseProxy().cut();
            await().during(DATABASE_CUT).atMost(DATABASE_CUT.plusSeconds(15))
                    .until(() -> deadLetters() == deadLetters);
            cluster.databaseProxy().restore();
            long restored = System.nanoTime();
            await().atMost(READY_AFTER_DATABASE).until(() -> cluster.all().stream().allMatch(Instance::ready));
            System.out.printf("Database cut off for %d s; every instance ready %.1f s after it was back%n",
                    DATABASE_CUT.toSeconds(), (System.nanoTime() - restored) / 1e9);

            awaitProgress(stream, stream);
            stream.stop(publisherThread);
            publisher.awaitAcks();
        }
        assertAllCountedOnce(tenant, stream);
        assertEquals(deadLetters, deadLetters(), "no dead letters");
    }

    @Test
    @Order(6)
    void theBrokersDownForMinutesWhileReportsAndCatalogChangesArriveLoseNothing() throws Exception {
        Tenant tenant = Tenant.create(stack, "scale-brokers", cluster::url);
        SessionStream reported = new SessionStream(tenant, "member-", 4, 24);
        Map<String, JsonNode> programs = programs(tenant, reported);
        CatalogChanges changes = new CatalogChanges(tenant, 2);

        cluster.kafka().stopAll();
        Thread reporterThread = reported.reportInBackground(programs, REPORT_PAUSE);
        changes.start();
        await().during(BROKERS_DOWN).atMost(BROKERS_DOWN.plusSeconds(30))
                .until(() -> cluster.all().stream().allMatch(Instance::ready));
        long programOutbox = single(SystemStack.PROGRAM, "SELECT count(*) FROM outbox_event");
        long catalogOutbox = single(SystemStack.CATALOG, "SELECT count(*) FROM outbox_event");
        System.out.printf("Brokers down for %d s: %d sessions reported, %d catalog changes; outboxes of "
                + "program-service %d, catalog-service %d%n", BROKERS_DOWN.toSeconds(), reported.published(),
                changes.made(), programOutbox, catalogOutbox);
        assertTrue(programOutbox > 0 && catalogOutbox > 0, "the outboxes hold what waits for the brokers");

        cluster.kafka().startAll();
        Instance catalog = cluster.instances(SystemStack.CATALOG).get(0);
        catalog.kill();
        catalog.start();
        await().atMost(CATCH_UP)
                .until(() -> single(SystemStack.PROGRAM, "SELECT count(*) FROM outbox_event") < programOutbox);
        Instance program = cluster.instances(SystemStack.PROGRAM).get(0);
        program.kill();
        program.start();
        awaitProgress(reported, reported);
        reported.stop(reporterThread);
        changes.stop();

        for (String service : PUBLISHERS) {
            await().atMost(CATCH_UP).until(() -> single(service, "SELECT count(*) FROM outbox_event") == 0);
        }
        assertAllCountedOnce(tenant, reported);
        assertCatalogVersionsRise();
        assertEquals(0, deadLetters(), "no dead letters");
    }

    @Test
    @Order(7)
    void aChainWritesOnlyItsOwnSessionsTopicAndARecordNamingAnotherChainIsDeadLettered() throws Exception {
        Tenant chainA = Tenant.create(stack, "scale-chain-a", cluster::url);
        Tenant chainB = Tenant.create(stack, "scale-chain-b", cluster::url);
        Map<String, Object> a = cluster.addChain(chainA.id(), "chain-a-" + chainA.id(), "secret-a");
        cluster.addChain(chainB.id(), "chain-b-" + chainB.id(), "secret-b");
        String ownTopic = ScaleCluster.SESSIONS_TOPIC_PREFIX + chainA.id();

        for (String topic : List.of(ScaleCluster.SESSIONS_TOPIC_PREFIX + chainB.id(), CompletedSession.TOPIC)) {
            try (SessionPublisher intruder = new SessionPublisher(a, topic, chainB.id())) {
                intruder.send("member-0", intruder.event(session("member-0", "intruding-session")));
                ExecutionException refused = assertThrows(ExecutionException.class, intruder::awaitAcks, topic);
                assertInstanceOf(TopicAuthorizationException.class, refused.getCause(), topic);
            }
        }
        try (SessionPublisher forger = new SessionPublisher(a, ownTopic, chainB.id());
             SessionPublisher honest = new SessionPublisher(a, ownTopic, chainA.id())) {
            forger.send("member-0", forger.event(session("member-0", "forged-session")));
            forger.awaitAcks();
            honest.send("member-1", honest.event(session("member-1", "honest-session")));
            honest.awaitAcks();
        }

        await().atMost(CATCH_UP).until(() -> chainA.sessionCount("member-1") == 1);
        await().atMost(CATCH_UP).until(() -> Topics.readAll(cluster.connection(), SESSIONS_DEAD_LETTERS).stream()
                .anyMatch(record -> record.value().contains("forged-session")));
        assertEquals(0, chainB.sessionCount("member-0"), "nothing stored for the chain the record named");
        assertEquals(0, chainA.sessionCount("member-0"), "nor for the chain that wrote it");
        assertEquals(List.of("honest-session"), chainA.sessionIds("member-1"));
    }

    private static CompletedSession session(String memberId, String sessionId) {
        return new CompletedSession(memberId, sessionId, Instant.now().minusSeconds(3600),
                List.of(new Entry("barbell-bench-press", null, List.of(SetDone.work(5, "60", 2)))));
    }

    private static Map<String, JsonNode> programs(Tenant tenant, SessionStream stream) {
        Map<String, JsonNode> programs = new HashMap<>();
        for (String member : stream.members()) {
            programs.put(member, tenant.createProgram(member, "HYPERTROPHY"));
        }
        return programs;
    }

    /** Waits until both streams have sent more. */
    private static void awaitProgress(SessionStream first, SessionStream second) {
        int firstSent = first.published();
        int secondSent = second.published();
        await().atMost(CATCH_UP).until(() -> first.published() >= firstSent + 10
                && second.published() >= secondSent + 3);
    }

    /** Stops the node leading partition 0 of the topic while sessions stream, and starts it again. */
    private void killLeader(String topic, SessionStream first, SessionStream second) {
        int leader = await().atMost(CATCH_UP).until(() -> cluster.kafka().leaderOf(topic, 0), OptionalInt::isPresent)
                .getAsInt();
        cluster.kafka().stopNode(leader);
        await().atMost(CATCH_UP).until(() -> cluster.kafka().leaderOf(topic, 0),
                next -> next.isPresent() && next.getAsInt() != leader);
        awaitProgress(first, second);
        cluster.kafka().startNode(leader);
        System.out.printf("Killed node %d, the leader of %s-0, and started it again%n", leader, topic);
    }

    private void assertAllCountedOnce(Tenant tenant, SessionStream stream) {
        await().atMost(CATCH_UP).until(() -> stream.storedCount() == stream.published());
        stream.assertStoredOnce();
        await().atMost(CATCH_UP).untilAsserted(() -> stream.assertInsightsOnce(cluster.connection()));
        List<String> figures = stream.assertFiguresOfTheFormulas();
        tenant.rebuildFigures();
        assertEquals(figures, stream.figures(), "figures equal a rebuild from the stored sessions");
    }

    /**
     * Asserts that each exercise's versions rise along {@code catalog.exercises} (a record sent again after a kill
     * repeats its event) and that its last record is the stored exercise.
     */
    private void assertCatalogVersionsRise() throws SQLException {
        await().atMost(CATCH_UP).until(() -> single(SystemStack.CATALOG, "SELECT count(*) FROM outbox_event") == 0);
        Map<String, JsonNode> last = new HashMap<>();
        for (ConsumerRecord<String, String> record : Topics.readAll(cluster.connection(),
                ScaleCluster.CATALOG_TOPIC)) {
            JsonNode event = json(record.value());
            JsonNode before = last.put(record.key(), event);
            if (before != null) {
                long previous = before.get("version").asLong();
                long version = event.get("version").asLong();
                assertTrue(version > previous || version == previous
                        && before.get("eventId").equals(event.get("eventId")),
                        () -> record.key() + ": version " + version + " after " + previous);
            }
        }
        try (Connection catalog = cluster.sql(SystemStack.CATALOG);
             ResultSet rows = catalog.createStatement().executeQuery("SELECT id, version, retired FROM exercise")) {
            int exercises = 0;
            while (rows.next()) {
                exercises++;
                String id = rows.getString(1);
                JsonNode published = last.values().stream().filter(e -> e.get("exerciseId").asText().equals(id))
                        .findFirst().orElseThrow(() -> new AssertionError(id + " was never published"));
                assertEquals(rows.getLong(2), published.get("version").asLong(), id + ": last version published");
                assertEquals(rows.getBoolean(3), published.get("retired").asBoolean(), id);
            }
            assertEquals(exercises, last.size(), "one key per exercise");
        }
    }

    /** Records on every dead-letter topic. */
    private long deadLetters() throws Exception {
        long count = 0;
        for (String topic : cluster.kafka().admin().listTopics().names().get()) {
            if (topic.endsWith(".dlq")) {
                count += total(topic);
            }
        }
        return count;
    }

    private long total(String topic) {
        return Topics.endOffsets(cluster.connection(), topic).values().stream().mapToLong(Long::longValue).sum();
    }

    private long single(String service, String query) throws SQLException {
        try (Connection connection = cluster.sql(service);
             ResultSet result = connection.createStatement().executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void update(String service, String statement) throws SQLException {
        try (Connection connection = cluster.sql(service); Statement update = connection.createStatement()) {
            update.executeUpdate(statement);
        }
    }

    private static JsonNode json(String value) {
        try {
            return Api.JSON.readTree(value);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + value, e);
        }
    }

    /**
     * A tenant's own exercises changed over and over from two threads, each change read from one catalog instance
     * and written through the next (If-Match with the version read): concurrent changes of one exercise through
     * both instances, some refused as stale (412), the rest each a new version.
     */
    private final class CatalogChanges {

        private final Tenant tenant;
        private final List<String> exercises = new ArrayList<>();
        private final List<Thread> threads = new ArrayList<>();
        private final AtomicInteger made = new AtomicInteger();
        private volatile boolean running = true;
        private volatile Throwable failure;

        CatalogChanges(Tenant tenant, int count) {
            this.tenant = tenant;
            for (int i = 0; i < count; i++) {
                exercises.add(tenant.createExercise(body("Scale lift " + i + " " + UUID.randomUUID())).get("id")
                        .asText());
            }
        }

        void start() {
            for (int t = 0; t < 2; t++) {
                Thread thread = new Thread(() -> {
                    int revision = 0;
                    while (running) {
                        for (String id : exercises) {
                            change(id, revision++);
                            pause();
                        }
                    }
                }, "catalog-changes-" + t);
                thread.setUncaughtExceptionHandler((th, e) -> failure = e);
                thread.start();
                threads.add(thread);
            }
        }

        private void change(String id, int revision) {
            try {
                Reply read = stack.api().get(cluster.url(SystemStack.CATALOG) + "/exercises/" + id)
                        .token(tenant.adminToken()).trySend();
                if (read.status() != 200) {
                    return;
                }
                Reply written = stack.api().put(cluster.url(SystemStack.CATALOG) + "/exercises/" + id)
                        .token(tenant.adminToken()).header("If-Match", read.header("ETag"))
                        .json(body("Scale lift " + id + " revision " + revision)).trySend();
                if (written.status() == 200) {
                    made.incrementAndGet();
                } else if (written.status() != 412 && written.status() != 503) {
                    throw new AssertionError("Changing " + id + ": " + written);
                }
            } catch (IOException e) {
                // an instance was killed while it answered; the next change goes to the other
            }
        }

        private static void pause() {
            try {
                Thread.sleep(CHANGE_PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        int made() {
            return made.get();
        }

        void stop() throws InterruptedException {
            running = false;
            for (Thread thread : threads) {
                thread.join();
            }
            if (failure != null) {
                throw new AssertionError("Changing exercises failed", failure);
            }
            assertFalse(made.get() == 0, "some changes made");
        }

        private static Map<String, Object> body(String name) {
            return Map.ofEntries(Map.entry("name", name),
                    Map.entry("description", "Changed over and over by the scale test."),
                    Map.entry("category", "STRENGTH"), Map.entry("movementPattern", "HORIZONTAL_PULL"),
                    Map.entry("primaryMuscles", List.of("LATS")), Map.entry("secondaryMuscles", List.of("BICEPS")),
                    Map.entry("equipment", List.of("CABLE")), Map.entry("laterality", "BILATERAL"),
                    Map.entry("measure", "REPS"), Map.entry("loadable", true),
                    Map.entry("contraindications", List.of()), Map.entry("cues", List.of("Pull the elbows back")),
                    Map.entry("mediaUrls", List.of()));
        }
    }
}
