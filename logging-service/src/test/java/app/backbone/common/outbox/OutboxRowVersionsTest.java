package app.backbone.common.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.backbone.logging.service.CounterStates;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The relay's reads and deletes against the real database (in logging-service, whose outbox has marks): a sent
 * message is deleted unless its key was marked changed after it was read, or is being marked by a transaction still
 * open, in which case it stays pending without the relay waiting for that transaction.
 */
@QuarkusTest
class OutboxRowVersionsTest {

    private static final String TOPIC = CounterStates.TOPIC;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @BeforeEach
    void stopTheRelay() {
        relay.stop();
    }

    @AfterEach
    void removeTheRowsAndStartTheRelay() {
        QuarkusTransaction.requiringNew().run(() -> OutboxEvent.delete("messageKey like ?1", "versions-%"));
        relay.start();
    }

    @Test
    void aMarkChangedAfterItWasReadStaysPendingWhileWhatWasSentAsReadIsDeleted() {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.changed(TOPIC, List.of("versions-changed", "versions-unchanged"), now);
            outbox.add(TOPIC, "versions-event", "an event", now);
        });
        List<OutboxEvent.Taken> read = mine(QuarkusTransaction.requiringNew().call(() -> OutboxEvent.oldest(10_000)));
        assertEquals(3, read.size());

        QuarkusTransaction.requiringNew().run(() -> outbox.changed(TOPIC, List.of("versions-changed"), now));
        QuarkusTransaction.requiringNew().run(() -> OutboxEvent.deleteSent(read));

        assertEquals(List.of("versions-changed"), pendingKeys());
    }

    @Test
    void aMarkLockedByAnOpenTransactionStaysPendingAndTheDeleteDoesNotWaitForIt() throws Exception {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> outbox.changed(TOPIC, List.of("versions-locked"), now));
        List<OutboxEvent.Taken> read = mine(QuarkusTransaction.requiringNew().call(() -> OutboxEvent.oldest(10_000)));
        CountDownLatch marked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> open = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.changed(TOPIC, List.of("versions-locked"), now);
            marked.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            marked.await(60, TimeUnit.SECONDS);
            QuarkusTransaction.requiringNew().timeout(10).run(() -> OutboxEvent.deleteSent(read));
            assertEquals(List.of("versions-locked"), pendingKeys());
        } finally {
            release.countDown();
            open.get(60, TimeUnit.SECONDS);
        }
        assertEquals(List.of("versions-locked"), pendingKeys());
    }

    private static List<OutboxEvent.Taken> mine(List<OutboxEvent.Taken> taken) {
        return taken.stream().filter(t -> t.key().startsWith("versions-")).toList();
    }

    private static List<String> pendingKeys() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "messageKey like ?1 order by messageKey", "versions-%").stream().map(e -> e.messageKey).toList());
    }
}
