package app.backbone.program.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.UUID;

import jakarta.transaction.Transactional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.backbone.program.domain.Goal;
import app.backbone.program.domain.Program;
import app.backbone.program.domain.ProgramStatus;
import app.backbone.testsupport.ProblemJson;
import app.backbone.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProgramResourceTest {

    private static final UUID PROGRAM_ID = UUID.fromString("7d1f3f4e-7c55-4a8b-9a57-1f0c2b3d4e5f");

    @BeforeEach
    @Transactional
    void storeOneProgram() {
        if (Program.findById(PROGRAM_ID) != null) {
            return;
        }
        Program program = new Program();
        program.id = PROGRAM_ID;
        program.tenantId = "gym-a";
        program.memberId = "member-7";
        program.goal = Goal.HYPERTROPHY;
        program.status = ProgramStatus.ACTIVE;
        program.createdAt = Instant.parse("2026-11-01T10:00:00Z");
        program.persist();
    }

    @Test
    void theTenantReadsItsMembersProgramsFromTheDatabase() {
        given().auth().oauth2(TestTokens.token("gym-a", "trainer"))
                .when().get("/members/member-7/programs")
                .then().statusCode(200)
                .body("items.id", contains(PROGRAM_ID.toString()))
                .body("items[0].goal", equalTo("HYPERTROPHY"))
                .body("total", equalTo(1));
        given().auth().oauth2(TestTokens.token("gym-a", "integration"))
                .when().get("/programs/" + PROGRAM_ID)
                .then().statusCode(200)
                .body("memberId", equalTo("member-7"));
    }

    @Test
    void anotherTenantsProgramDoesNotExistForTheCaller() {
        given().auth().oauth2(TestTokens.token("gym-b", "trainer"))
                .when().get("/programs/" + PROGRAM_ID)
                .then().statusCode(404)
                .contentType(ProblemJson.MEDIA_TYPE);
        given().auth().oauth2(TestTokens.token("gym-b", "trainer"))
                .when().get("/members/member-7/programs")
                .then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void aMalformedMemberIdIsAFieldError() {
        given().auth().oauth2(TestTokens.token("gym-a", "trainer"))
                .when().get("/members/{memberId}/programs", "not a valid id!")
                .then().statusCode(400)
                .contentType(ProblemJson.MEDIA_TYPE)
                .body("errors.field", contains("memberId"));
    }
}
