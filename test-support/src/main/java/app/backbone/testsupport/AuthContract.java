package app.backbone.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/**
 * How every protected endpoint treats its callers: no, untrusted, expired or tenant-less tokens are 401, a token
 * without an allowed role is 403, both as problem documents. A service's subclass names one of its endpoints.
 */
public abstract class AuthContract {

    /** A GET path of the service that needs a token. */
    protected abstract String protectedPath();

    /** A role that may not call {@link #protectedPath()}. */
    protected abstract String roleWithoutAccess();

    @Test
    void withoutATokenTheAnswerIs401Problem() {
        given().when().get(protectedPath())
                .then().statusCode(401)
                .contentType(ProblemJson.MEDIA_TYPE)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void aTokenFromAnUntrustedKeyIs401() {
        given().auth().oauth2(TestTokens.tokenSignedByStranger("gym-a", "trainer", "integration", "admin"))
                .when().get(protectedPath())
                .then().statusCode(401).contentType(ProblemJson.MEDIA_TYPE);
    }

    @Test
    void anExpiredTokenIs401() {
        given().auth().oauth2(TestTokens.expiredToken("gym-a", "trainer", "integration", "admin"))
                .when().get(protectedPath())
                .then().statusCode(401).contentType(ProblemJson.MEDIA_TYPE);
    }

    @Test
    void aTokenWithoutTenantIs401() {
        given().auth().oauth2(TestTokens.token(null, "trainer", "integration", "admin"))
                .when().get(protectedPath())
                .then().statusCode(401).contentType(ProblemJson.MEDIA_TYPE);
    }

    @Test
    void aTokenWithoutAnAllowedRoleIs403Problem() {
        given().auth().oauth2(TestTokens.token("gym-a", roleWithoutAccess()))
                .when().get(protectedPath())
                .then().statusCode(403)
                .contentType(ProblemJson.MEDIA_TYPE)
                .body("status", equalTo(403));
    }
}
