package app.backbone.testsupport;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

/**
 * Every service's no-op {@code GET /ping} (service-commons' {@code PingResource}): {@code 204} for a valid token,
 * refused as every protected endpoint is otherwise ({@link AuthContract}). A service's test extends it as it is.
 */
public abstract class PingContract extends AuthContract {

    @Override
    protected String protectedPath() {
        return "/ping";
    }

    @Override
    protected String roleWithoutAccess() {
        return "member";
    }

    @Test
    void aValidTokenIsAnsweredWithNoContent() {
        given().auth().oauth2(TestTokens.token("gym-a", "trainer"))
                .when().get("/ping")
                .then().statusCode(204);
    }
}
