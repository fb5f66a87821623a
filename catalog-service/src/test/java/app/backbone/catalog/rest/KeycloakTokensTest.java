package app.backbone.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import app.backbone.embedded.EmbeddedKeycloak;
import app.backbone.embedded.EmbeddedKeycloak.KeyState;
import app.backbone.embedded.EmbeddedKeycloak.SigningKey;
import app.backbone.testsupport.KeycloakTestProfile;
import app.backbone.testsupport.KeycloakTestResource;
import app.backbone.testsupport.KeycloakTestResource.InjectKeycloak;
import app.backbone.testsupport.ProblemJson;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Tokens from a real identity provider, verified through its JWKS URL, across a rotation of its signing key. */
@QuarkusTest
@TestProfile(KeycloakTestProfile.class)
class KeycloakTokensTest {

    @InjectKeycloak
    EmbeddedKeycloak keycloak;

    @Test
    void theProvidersTokensCarryTheTenantAndTheRoles() {
        String id = given().auth().oauth2(token(KeycloakTestResource.ADMIN)).contentType("application/json")
                .body(ExerciseLifecycleTestData.body("Provider row"))
                .when().post("/exercises")
                .then().statusCode(201)
                .body("id", startsWith(KeycloakTestResource.TENANT + "."))
                .extract().path("id");

        given().auth().oauth2(token(KeycloakTestResource.TRAINER))
                .when().get("/exercises/" + id)
                .then().statusCode(200).body("name", equalTo("Provider row"));
        given().auth().oauth2(token(KeycloakTestResource.OTHER_TRAINER))
                .when().get("/exercises/" + id)
                .then().statusCode(404).contentType(ProblemJson.MEDIA_TYPE);
        given().auth().oauth2(token(KeycloakTestResource.WITHOUT_ROLE))
                .when().get("/exercises")
                .then().statusCode(403).contentType(ProblemJson.MEDIA_TYPE);
    }

    @Test
    void aTamperedTokenIs401() {
        String[] parts = token(KeycloakTestResource.TRAINER).split("\\.");
        String otherPayload = token(KeycloakTestResource.OTHER_TRAINER).split("\\.")[1];

        given().auth().oauth2(parts[0] + "." + otherPayload + "." + parts[2])
                .when().get("/exercises")
                .then().statusCode(401).contentType(ProblemJson.MEDIA_TYPE);
    }

    @Test
    void aRotatedKeyVerifiesAtOnceAndARemovedKeyStopsVerifying() {
        assertAccepted(token(KeycloakTestResource.TRAINER));
        String signedBeforeRotation = token(KeycloakTestResource.TRAINER);
        // Each token is presented once: the service remembers a token it verified until the token expires.
        Iterator<String> unseenOldTokens = Stream.generate(() -> token(KeycloakTestResource.TRAINER)).limit(40)
                .toList().iterator();
        SigningKey old = keycloak.signingKey();

        keycloak.rotateSigningKey(KeyState.PASSIVE);
        assertAccepted(token(KeycloakTestResource.TRAINER));
        assertAccepted(signedBeforeRotation);

        keycloak.setKeyState(old, KeyState.DISABLED);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(5))
                .until(() -> status(unseenOldTokens.next()) == 401);
        assertAccepted(token(KeycloakTestResource.TRAINER));
    }

    private String token(String username) {
        return keycloak.token(username, KeycloakTestResource.PASSWORD);
    }

    private static void assertAccepted(String token) {
        given().auth().oauth2(token).when().get("/exercises").then().statusCode(200);
    }

    private static int status(String token) {
        return given().auth().oauth2(token).when().get("/exercises").then().extract().statusCode();
    }
}
