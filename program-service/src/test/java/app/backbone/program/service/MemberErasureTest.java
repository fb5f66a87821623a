package app.backbone.program.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import app.backbone.common.outbox.OutboxEvent;
import app.backbone.common.outbox.OutboxRelay;
import app.backbone.program.domain.MemberProgressState;
import app.backbone.program.domain.Program;
import app.backbone.program.domain.SessionReport;
import app.backbone.program.messaging.CatalogFixture;
import app.backbone.program.messaging.ErasureTopics;
import app.backbone.program.messaging.ProgressRecords;
import app.backbone.program.messaging.ProgressTopics;
import app.backbone.program.messaging.SessionTopics;
import app.backbone.testsupport.TestTokens;
import app.backbone.testsupport.TopicReader;
import app.backbone.testsupport.TopicWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * An erasure request from members.erasure-requested: the member's programs, session reports, progress and pending
 * completed-session events of that tenant are erased, another tenant's member of the same id keeps everything, the
 * confirmation is published once, and a redelivered request changes nothing.
 */
@QuarkusTest
class MemberErasureTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TENANT = "erase-gym";
    private static final String OTHER_TENANT = "erase-gym-2";
    private static final String MEMBER = "er-m";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OutboxRelay relay;

    @Inject
    Clock clock;

    @Test
    void theRequestErasesTheMemberOfThatTenantOnlyAndIsConfirmedOnce() throws Exception {
        CatalogFixture.publishGlobalLibrary();
        String key = ErasureTopics.key(TENANT, MEMBER);
        try (TopicWriter writer = new TopicWriter()) {
            writer.send(ProgressTopics.MEMBER_PROGRESS, ProgressRecords.key(TENANT, MEMBER), ProgressRecords.json(
                    TENANT, MEMBER, 3, "conventional-deadlift", "INCREASE", "145", "140", "0", "0"));
            writer.send(ProgressTopics.MEMBER_PROGRESS, ProgressRecords.key(OTHER_TENANT, MEMBER), ProgressRecords
                    .json(OTHER_TENANT, MEMBER, 3, "conventional-deadlift", "INCREASE", "145", "140", "0", "0"));
        }
        await().atMost(WAIT).until(() -> progress(TENANT) && progress(OTHER_TENANT));

        String programId;
        String otherProgramId;
        relay.stop();
        try {
            programId = program(TENANT);
            otherProgramId = program(OTHER_TENANT);
            report(TENANT, programId).then().statusCode(202);
            report(OTHER_TENANT, otherProgramId).then().statusCode(202);
            assertEquals(1, pendingSessions(TENANT));
            assertEquals(1, pendingSessions(OTHER_TENANT));

            String erasureId = UUID.randomUUID().toString();
            String request = request(erasureId);
            try (TopicWriter writer = new TopicWriter()) {
                writer.send(ErasureTopics.REQUESTED, key, request);
            }
            await().atMost(WAIT).until(() -> programs(TENANT) == 0);
            assertEquals(0, reports(programId));
            assertEquals(0, pendingSessions(TENANT));
            assertTrue(!progress(TENANT));

            assertEquals(1, programs(OTHER_TENANT), "another tenant's member of that id keeps their programs");
            assertEquals(1, reports(otherProgramId));
            assertEquals(1, pendingSessions(OTHER_TENANT));
            assertTrue(progress(OTHER_TENANT));

            as(TENANT).when().get("/members/" + MEMBER + "/programs")
                    .then().statusCode(200).body("items", empty()).body("total", equalTo(0));
            as(TENANT).when().get("/programs/" + programId).then().statusCode(404);
            as(TENANT).when().get("/programs/" + programId + "/next-session").then().statusCode(404);
            report(TENANT, programId).then().statusCode(404);
            relay.start();

            try (TopicReader confirmations = new TopicReader(ErasureTopics.CONFIRMED);
                 TopicWriter writer = new TopicWriter()) {
                JsonNode confirmation = await().atMost(WAIT).until(() -> confirmationsOf(confirmations, erasureId),
                        l -> !l.isEmpty()).get(0);
                JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                        .getSchema(Path.of("contracts/members.erasure-confirmed.schema.json").toUri());
                assertTrue(schema.validate(confirmation).isEmpty(), () -> schema.validate(confirmation).toString());
                assertEquals("program-service", confirmation.get("service").asText());
                assertEquals(MEMBER, confirmation.get("memberId").asText());

                String comeBack = program(TENANT);
                writer.send(ErasureTopics.REQUESTED, key, request);
                String marker = UUID.randomUUID().toString();
                writer.send(ErasureTopics.REQUESTED, key, request(marker));
                await().atMost(WAIT).until(() -> !confirmationsOf(confirmations, marker).isEmpty());
                assertEquals(1, confirmationsOf(confirmations, erasureId).size(), "a redelivery confirms nothing");
                as(TENANT).when().get("/programs/" + comeBack).then().statusCode(404);
            }
        } finally {
            relay.start();
        }
    }

    private String request(String erasureId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return """
                {"eventId":"%s","schemaVersion":1,"occurredAt":"%s","erasureId":"%s","tenantId":"%s",
                 "memberId":"%s","requestedAt":"%s"}
                """.formatted(UUID.randomUUID(), now, erasureId, TENANT, MEMBER, now);
    }

    private static RequestSpecification as(String tenant) {
        return given().auth().oauth2(TestTokens.token(tenant, "trainer")).contentType("application/json");
    }

    private static String program(String tenant) {
        return as(tenant).body(Map.of("memberId", MEMBER, "goal", "STRENGTH"))
                .when().post("/programs").then().statusCode(201).extract().path("id");
    }

    private io.restassured.response.Response report(String tenant, String programId) {
        String completedAt = clock.instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString();
        return as(tenant).body(Map.of("sessionId", "s-" + UUID.randomUUID(), "completedAt", completedAt,
                "exercises", List.of(Map.of("exerciseId", "conventional-deadlift", "sets", List.of(
                        Map.of("reps", 5, "loadKg", 140, "rir", 2))))))
                .when().post("/programs/" + programId + "/sessions");
    }

    private static List<JsonNode> confirmationsOf(TopicReader reader, String erasureId) {
        return reader.poll().stream().map(r -> read(r.value()))
                .filter(c -> erasureId.equals(c.get("erasureId").asText())).toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(json, e);
        }
    }

    private static long programs(String tenant) {
        return QuarkusTransaction.requiringNew().call(() -> Program.count("tenantId = ?1 and memberId = ?2",
                tenant, MEMBER));
    }

    private static long reports(String programId) {
        return QuarkusTransaction.requiringNew().call(() -> SessionReport.count("programId",
                UUID.fromString(programId)));
    }

    private static boolean progress(String tenant) {
        return QuarkusTransaction.requiringNew().call(() -> MemberProgressState.of(tenant, MEMBER).isPresent());
    }

    private static long pendingSessions(String tenant) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("topic = ?1 and messageKey = ?2 "
                + "and payload like ?3", SessionTopics.COMPLETED, MEMBER, "%\"tenantId\":\"" + tenant + "\"%"));
    }
}
