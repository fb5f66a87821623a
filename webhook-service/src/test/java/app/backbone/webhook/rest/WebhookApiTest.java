package app.backbone.webhook.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.backbone.testsupport.ProblemJson;
import app.backbone.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Subscriptions through the API: the secret shown once, URL and event refusals, paging, roles, tenancy. */
@QuarkusTest
class WebhookApiTest {

    private static String create(String tenant, String url) {
        return given().auth().oauth2(TestTokens.token(tenant, "admin")).contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of("record.achieved"), "description", "CRM"))
                .when().post("/webhooks")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aSubscriptionShowsItsSecretOnceOnly() {
        String id = given().auth().oauth2(TestTokens.token("api-gym", "integration")).contentType(ContentType.JSON)
                .body(Map.of("url", "https://127.0.0.1:9/hook", "events", List.of("record.achieved", "member.erased"),
                        "description", "Our CRM"))
                .when().post("/webhooks")
                .then().statusCode(201)
                .header("Location", containsString("/webhooks/"))
                .body("secret", startsWith("whsec_"))
                .body("status", equalTo("ACTIVE"))
                .body("events", equalTo(List.of("record.achieved", "member.erased")))
                .extract().path("id");
        given().auth().oauth2(TestTokens.token("api-gym", "admin")).when().get("/webhooks/" + id)
                .then().statusCode(200)
                .body("description", equalTo("Our CRM"))
                .body("secret", nullValue());
        given().auth().oauth2(TestTokens.token("api-gym", "admin")).when().get("/webhooks?size=200")
                .then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.secret", not(hasItem(startsWith("whsec_"))))
                .body("size", equalTo(200));
    }

    @Test
    void aCloudMetadataAddressIsRefusedEvenWherePrivateTargetsAreAllowed() {
        given().auth().oauth2(TestTokens.token("api-gym", "admin")).contentType(ContentType.JSON)
                .body(Map.of("url", "http://169.254.169.254/latest/meta-data/", "events", List.of("record.achieved")))
                .when().post("/webhooks")
                .then().statusCode(400).contentType(ProblemJson.MEDIA_TYPE)
                .body("rule", equalTo("metadata-address"))
                .body("detail", containsString("metadata-address"))
                .body("errors[0].field", equalTo("url"));
    }

    @Test
    void aUrlThatIsNeitherHttpNorHttpsIsRefused() {
        given().auth().oauth2(TestTokens.token("api-gym", "admin")).contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://127.0.0.1/hook", "events", List.of("record.achieved")))
                .when().post("/webhooks")
                .then().statusCode(400).contentType(ProblemJson.MEDIA_TYPE)
                .body("rule", equalTo("https-required"));
    }

    @Test
    void unknownEventTypesAndMissingFieldsAreRefused() {
        given().auth().oauth2(TestTokens.token("api-gym", "admin")).contentType(ContentType.JSON)
                .body(Map.of("url", "https://127.0.0.1/hook", "events", List.of("record.achieved", "session.done")))
                .when().post("/webhooks")
                .then().statusCode(400).contentType(ProblemJson.MEDIA_TYPE)
                .body("errors[0].field", equalTo("events"))
                .body("detail", containsString("session.done"));
        given().auth().oauth2(TestTokens.token("api-gym", "admin")).contentType(ContentType.JSON)
                .body(Map.of("url", "https://127.0.0.1/hook", "events", List.of()))
                .when().post("/webhooks")
                .then().statusCode(400).contentType(ProblemJson.MEDIA_TYPE);
        given().auth().oauth2(TestTokens.token("api-gym", "admin")).contentType(ContentType.JSON)
                .body("{\"url\":\"https://127.0.0.1/hook\",\"events\":[\"record.achieved\"],\"secret\":\"mine\"}")
                .when().post("/webhooks")
                .then().statusCode(400).contentType(ProblemJson.MEDIA_TYPE);
    }

    @Test
    void anotherTenantsSubscriptionIsNotFound() {
        String id = create("iso-gym-a", "https://127.0.0.1:9/a");
        String other = TestTokens.token("iso-gym-b", "admin");
        given().auth().oauth2(other).when().get("/webhooks/" + id).then().statusCode(404)
                .contentType(ProblemJson.MEDIA_TYPE);
        given().auth().oauth2(other).when().get("/webhooks/" + id + "/deliveries").then().statusCode(404);
        given().auth().oauth2(other).when().post("/webhooks/" + id + "/test").then().statusCode(404);
        given().auth().oauth2(other).when().post("/webhooks/" + id + "/deliveries/" + UUID.randomUUID() + "/retry")
                .then().statusCode(404);
        given().auth().oauth2(other).when().delete("/webhooks/" + id).then().statusCode(404);
        given().auth().oauth2(other).when().get("/webhooks").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().auth().oauth2(TestTokens.token("iso-gym-a", "admin")).when().get("/webhooks/" + id)
                .then().statusCode(200);
    }

    @Test
    void aDeletedSubscriptionIsGone() {
        String id = create("del-gym", "https://127.0.0.1:9/d");
        String token = TestTokens.token("del-gym", "integration");
        given().auth().oauth2(token).when().delete("/webhooks/" + id).then().statusCode(204);
        given().auth().oauth2(token).when().get("/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void trainersMayNotManageWebhooks() {
        given().auth().oauth2(TestTokens.token("api-gym", "trainer")).contentType(ContentType.JSON)
                .body(Map.of("url", "https://127.0.0.1/hook", "events", List.of("record.achieved")))
                .when().post("/webhooks")
                .then().statusCode(403).contentType(ProblemJson.MEDIA_TYPE);
    }
}
