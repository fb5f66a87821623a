package app.backbone.logging.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.backbone.common.outbox.Outbox;
import app.backbone.common.outbox.OutboxEvent;
import app.backbone.common.outbox.OutboxRelay;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link Outbox#replace} against the real database: of each topic and key, only the newest state committed waits,
 * also when transactions on several threads replace the same keys at once. The relay is stopped meanwhile and the
 * test topic's rows removed afterwards, so nothing of it reaches the broker.
 */
@QuarkusTest
class OutboxReplaceTest {

    private static final String TOPIC = "test.outbox-replace";

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @BeforeEach
    void stopTheRelay() {
        relay.stop();
    }

    @AfterEach
    void removeTheTestRowsAndStartTheRelay() {
        QuarkusTransaction.requiringNew().run(() -> OutboxEvent.delete("topic", TOPIC));
        relay.start();
    }

    private static Map<String, String> pending() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list("topic = ?1 order by id",
                TOPIC).stream().collect(Collectors.toMap(e -> e.messageKey, e -> e.payload, (a, b) -> {
                    throw new AssertionError("two pending rows of one key: " + a + ", " + b);
                }, LinkedHashMap::new)));
    }

    @Test
    void onlyTheNewestStateOfAKeyWaitsWhetherReplacedInOneTransactionOrInSeveral() {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> outbox.replace(TOPIC, Map.of("a", "a1", "b", "b1"), now));
        QuarkusTransaction.requiringNew().run(() -> outbox.replace(TOPIC, Map.of("a", "a2"), now));
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.replace(TOPIC, Map.of("b", "b2"), now);
            outbox.replace(TOPIC, Map.of("b", "b3", "c", "c1"), now);
        });
        assertEquals(Map.of("a", "\"a2\"", "b", "\"b3\"", "c", "\"c1\""), pending());
    }

    @Test
    void eventsAddedTogetherWaitInListOrderBesideOnesAddedAlone() {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.add(TOPIC, "one", "alone-1", now);
            outbox.addAll(TOPIC, List.of(new Outbox.Message("b", "together-1"), new Outbox.Message("a", "together-2"),
                    new Outbox.Message("c", "together-3")), now);
        });
        QuarkusTransaction.requiringNew().run(() -> outbox.add(TOPIC, "two", "alone-2", now));
        List<String> payloads = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "topic = ?1 order by id", TOPIC).stream().map(e -> e.payload).toList());
        assertEquals(5, payloads.size());
        assertEquals(List.of("\"together-1\"", "\"together-2\"", "\"together-3\""),
                payloads.stream().filter(p -> p.contains("together")).toList());
    }

    @Test
    void transactionsReplacingTheSameKeysAtOnceLeaveTheLastCommittedStateAndNeverDeadlock() throws Exception {
        List<String> keys = List.of("k1", "k2", "k3", "k4");
        Map<String, List<String>> committedInOrder = new LinkedHashMap<>();
        keys.forEach(k -> committedInOrder.put(k, Collections.synchronizedList(new ArrayList<>())));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    Random random = new Random(thread);
                    for (int i = 0; i < 25; i++) {
                        String round = thread + "." + i;
                        List<String> mine = new ArrayList<>(keys);
                        Collections.shuffle(mine, random);
                        Map<String, String> states = new LinkedHashMap<>();
                        mine.subList(0, 2 + random.nextInt(3)).forEach(k -> states.put(k, k + "@" + round));
                        QuarkusTransaction.requiringNew().run(() -> {
                            outbox.replace(TOPIC, states, Instant.now());
                            // The keys' locks are held until the commit, so this is the order the states commit in.
                            states.forEach((k, state) -> committedInOrder.get(k).add(state));
                        });
                    }
                }));
            }
            for (Future<?> thread : done) {
                thread.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        Map<String, String> expected = new LinkedHashMap<>();
        committedInOrder.forEach((k, states) -> expected.put(k, "\"" + states.get(states.size() - 1) + "\""));
        assertEquals(expected, pending());
    }
}
