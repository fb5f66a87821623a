package app.backbone.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * logging-service is killed (SIGKILL) three times while a chain's system publishes completed sessions straight to
 * Kafka, some of them twice; once it is back every session is stored exactly once and its figures equal both the
 * formulas and a rebuild from the stored sessions.
 */
@SystemTest
class LoggingCrashIT {

    private static final int KILLS = 3;
    private static final Duration CATCH_UP = Duration.ofSeconds(120);

    private final SystemStack stack;
    private final Tenant tenant;

    LoggingCrashIT(SystemStack stack) {
        this.stack = stack;
        this.tenant = Tenant.create(stack, "crash");
    }

    @Test
    void everySessionAndInsightIsCountedOnceAcrossKills() throws Exception {
        SessionStream stream = new SessionStream(tenant, "member-", 8, 42);
        try (SessionPublisher publisher = new SessionPublisher(stack.kafka(), tenant.id())) {
            Thread producer = stream.publishInBackground(publisher, Duration.ofMillis(40));
            for (int kill = 1; kill <= KILLS; kill++) {
                long before = stream.storedCount();
                await().atMost(CATCH_UP).until(() -> stream.storedCount() >= before + 20);
                long stored = stream.storedCount();
                stack.control().killService(SystemStack.LOGGING);
                int published = stream.published();
                await().atMost(CATCH_UP).until(() -> stream.published() >= published + 100);
                Duration restart = stack.control().restartService(SystemStack.LOGGING);
                System.out.printf("Killed logging-service after %d sessions were stored; ready again in %.1f s%n",
                        stored, restart.toMillis() / 1e3);
            }
            int published = stream.published();
            await().atMost(CATCH_UP).until(() -> stream.published() >= published + 100);
            stream.stop(producer);
            publisher.awaitAcks();
        }
        System.out.printf("Published %d sessions (%d events with repeats) across %d kills of logging-service%n",
                stream.published(), stream.events(), KILLS);

        long started = System.nanoTime();
        await().atMost(CATCH_UP).until(() -> stream.storedCount() == stream.published());
        System.out.printf("logging-service caught up in %.1f s%n", (System.nanoTime() - started) / 1e9);
        stream.assertStoredOnce();
        await().atMost(CATCH_UP).untilAsserted(() -> stream.assertInsightsOnce(stack.kafka()));
        System.out.printf("Each of %d insights published once%n", stream.assertInsightsOnce(stack.kafka()));
        List<String> figures = stream.assertFiguresOfTheFormulas();
        started = System.nanoTime();
        assertEquals(stream.published(), tenant.rebuildFigures().get("sessionsProcessed").asInt());
        System.out.printf("Rebuilt the figures in %.1f s%n", (System.nanoTime() - started) / 1e9);
        assertEquals(figures, stream.figures(), "figures after a rebuild from the stored sessions");
    }
}
