package app.backbone.logging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Set;

import app.backbone.testsupport.TestTokens;
import io.restassured.path.json.JsonPath;

/** Rebuilds of a tenant's figures as the tests ask for them: through the API, following the job to its end. */
public final class Rebuilds {

    private Rebuilds() {
    }

    /** Asks for a rebuild of the tenant's figures (202, with its Location); answers where it is. */
    public static String ask(String tenant) {
        return given().auth().oauth2(TestTokens.token(tenant, "admin")).when().post("/figures/rebuild")
                .then().statusCode(202).header("Location", containsString("/figures/rebuilds/"))
                .extract().header("Location");
    }

    /** The rebuild at {@code location} as it stands. */
    public static JsonPath status(String location, String tenant) {
        return given().auth().oauth2(TestTokens.token(tenant, "admin")).when().get(location)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The rebuild at {@code location} once it has ended, DONE or FAILED. */
    public static JsonPath ended(String location, String tenant) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            last[0] = status(location, tenant);
            return Set.of("DONE", "FAILED").contains(last[0].getString("status"));
        });
        return last[0];
    }

    /** Asks for a rebuild and waits until it is done; answers it. */
    public static JsonPath rebuild(String tenant) {
        JsonPath ended = ended(ask(tenant), tenant);
        assertEquals("DONE", ended.getString("status"), ended::prettify);
        return ended;
    }
}
