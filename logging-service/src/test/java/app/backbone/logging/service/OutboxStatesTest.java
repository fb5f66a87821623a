package app.backbone.logging.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.backbone.common.outbox.Outbox;
import app.backbone.common.outbox.OutboxEvent;
import app.backbone.common.outbox.OutboxRelay;
import app.backbone.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link Outbox#changed} and the relay's rendering against the real database and broker, the state being a counter
 * per key ({@link CounterStates}): a key waits once however often it changes, is sent as its state when relayed (a
 * tombstone once it has none), and transactions changing keys while the relay sends them leave every key's newest
 * state as its last record, the records of a key never going back.
 */
@QuarkusTest
class OutboxStatesTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void counters() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS test_counter (key text PRIMARY KEY, value bigint NOT NULL)");
            statement.execute("DELETE FROM test_counter");
        }
    }

    @AfterEach
    void startTheRelay() {
        relay.start();
    }

    @Test
    void aKeyChangedInSeveralTransactionsWaitsOnceAndIsSentAsItsStateWhenRelayed() {
        String prefix = "once-";
        relay.stop();
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            count(prefix + "a", 1);
            outbox.changed(CounterStates.TOPIC, List.of(prefix + "a", prefix + "gone"), now);
            outbox.add(CounterStates.TOPIC, prefix + "event", "an event", now);
        });
        QuarkusTransaction.requiringNew().run(() -> {
            count(prefix + "a", 1);
            outbox.changed(CounterStates.TOPIC, List.of(prefix + "a"), now);
        });
        Map<String, List<String>> pending = QuarkusTransaction.requiringNew().call(() -> OutboxEvent
                .<OutboxEvent>list("topic = ?1 order by id", CounterStates.TOPIC).stream()
                .collect(Collectors.groupingBy(e -> e.messageKey, Collectors.mapping(e -> String.valueOf(e.payload),
                        Collectors.toList()))));
        assertEquals(Map.of(prefix + "a", List.of("null"), prefix + "gone", List.of("null"), prefix + "event",
                List.of("\"an event\"")), pending);

        relay.start();
        try (TopicReader topic = new TopicReader(CounterStates.TOPIC)) {
            Map<String, List<String>> sent = await().atMost(WAIT).until(() -> byKey(topic, prefix),
                    records -> records.size() == 3);
            assertEquals(List.of("{\"value\":2}"), sent.get(prefix + "a"));
            assertEquals(List.of("\"an event\""), sent.get(prefix + "event"));
            assertEquals(1, sent.get(prefix + "gone").size());
            assertNull(sent.get(prefix + "gone").get(0), "a key without a state is sent as a tombstone");
        }
    }

    @Test
    void keysChangedWhileTheRelaySendsThemEndWithTheirNewestStateAndNeverGoBack() throws Exception {
        String prefix = "race-";
        List<String> keys = List.of("k1", "k2", "k3", "k4", "k5", "k6").stream().map(k -> prefix + k).toList();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    Random random = new Random(thread);
                    for (int i = 0; i < 60; i++) {
                        List<String> mine = new ArrayList<>(keys);
                        Collections.shuffle(mine, random);
                        TreeSet<String> changed = new TreeSet<>(mine.subList(0, 2 + random.nextInt(2)));
                        QuarkusTransaction.requiringNew().run(() -> {
                            changed.forEach(key -> count(key, 1));
                            outbox.changed(CounterStates.TOPIC, changed, Instant.now());
                        });
                        if (i % 15 == 14) {
                            await().pollDelay(Duration.ofMillis(200 + random.nextInt(800))).until(() -> true);
                        }
                    }
                }));
            }
            for (Future<?> thread : done) {
                thread.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        Map<String, String> newest = new HashMap<>();
        counted(prefix).forEach((key, value) -> newest.put(key, "{\"value\":" + value + "}"));
        assertEquals(keys.size(), newest.size());
        try (TopicReader topic = new TopicReader(CounterStates.TOPIC)) {
            Map<String, List<String>> sent = await().atMost(WAIT).until(() -> byKey(topic, prefix),
                    records -> newest.keySet().stream().allMatch(key -> records.containsKey(key)
                            && newest.get(key).equals(records.get(key).get(records.get(key).size() - 1))));
            sent.forEach((key, values) -> {
                List<Long> counts = values.stream().map(v -> Long.parseLong(v.replaceAll("\\D", ""))).toList();
                for (int i = 1; i < counts.size(); i++) {
                    assertTrue(counts.get(i) >= counts.get(i - 1), key + " went back: " + counts);
                }
            });
        }
    }

    /** Adds to a key's counter, in the current transaction. */
    private void count(String key, long by) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement add = connection.prepareStatement("INSERT INTO test_counter (key, value) "
                     + "VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = test_counter.value + EXCLUDED.value")) {
            add.setString(1, key);
            add.setLong(2, by);
            add.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Long> counted(String prefix) throws SQLException {
        Map<String, Long> counters = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement(
                     "SELECT key, value FROM test_counter WHERE key LIKE ?")) {
            read.setString(1, prefix + "%");
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    counters.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counters;
    }

    /** The values read so far of the keys with this prefix, per key in arrival order. */
    private static Map<String, List<String>> byKey(TopicReader topic, String prefix) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : topic.poll()) {
            if (record.key().startsWith(prefix)) {
                byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record.value());
            }
        }
        return byKey;
    }
}
