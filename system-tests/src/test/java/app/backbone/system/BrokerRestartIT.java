package app.backbone.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Kafka broker stops while sessions are reported to program-service and published straight to Kafka, and
 * starts again: program-service keeps accepting reports (its outbox holds the events), every service stays ready,
 * producers and consumers recover, and logging-service ends up with every session once.
 */
@SystemTest
class BrokerRestartIT {

    private static final Duration RECOVERY = Duration.ofSeconds(120);
    private static final Duration PAUSE = Duration.ofMillis(50);

    private final SystemStack stack;
    private final Tenant tenant;

    BrokerRestartIT(SystemStack stack) {
        this.stack = stack;
        this.tenant = Tenant.create(stack, "broker");
    }

    @Test
    void nothingIsLostOrCountedTwiceAcrossABrokerRestart() throws Exception {
        SessionStream reported = new SessionStream(tenant, "reporting-member-", 4, 7);
        SessionStream published = new SessionStream(tenant, "publishing-member-", 4, 8);
        Map<String, JsonNode> programs = new HashMap<>();
        for (String member : reported.members()) {
            programs.put(member, tenant.createProgram(member, "HYPERTROPHY"));
        }

        try (SessionPublisher publisher = new SessionPublisher(stack.kafka(), tenant.id())) {
            Thread reporter = reported.reportInBackground(programs, PAUSE);
            Thread producer = published.publishInBackground(publisher, PAUSE);
            await().atMost(RECOVERY).until(() -> reported.storedCount() >= 20 && published.storedCount() >= 20);

            stack.control().stopKafka();
            int acceptedBefore = reported.published();
            await().atMost(RECOVERY).until(() -> reported.published() >= acceptedBefore + 30);
            for (String service : new String[] {SystemStack.CATALOG, SystemStack.PROGRAM, SystemStack.LOGGING,
                    SystemStack.WEBHOOK}) {
                assertEquals(200, stack.api().get(stack.url(service) + "/q/health/ready").send().status(),
                        service + " must stay ready while the broker is down: its API still works");
            }
            System.out.printf("program-service accepted %d reports while the broker was down%n",
                    reported.published() - acceptedBefore);
            stack.control().startKafka();

            long reportedStored = reported.storedCount();
            long publishedStored = published.storedCount();
            await().atMost(RECOVERY).until(() -> reported.storedCount() >= reportedStored + 20
                    && published.storedCount() >= publishedStored + 20);
            reported.stop(reporter);
            published.stop(producer);
            publisher.awaitAcks();
        }
        System.out.printf("Reported %d and published %d sessions across a broker restart%n", reported.published(),
                published.published());

        for (SessionStream stream : new SessionStream[] {reported, published}) {
            await().atMost(RECOVERY).until(() -> stream.storedCount() == stream.published());
            stream.assertStoredOnce();
            stream.assertFiguresOfTheFormulas();
        }
        for (String service : new String[] {SystemStack.CATALOG, SystemStack.PROGRAM, SystemStack.LOGGING}) {
            await().atMost(RECOVERY).until(() -> stack.api().get(stack.url(service) + "/q/health/ready").send()
                    .status() == 200);
        }
    }
}
