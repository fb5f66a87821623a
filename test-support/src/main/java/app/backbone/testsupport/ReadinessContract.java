package app.backbone.testsupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * What every service's operational endpoints must do; a service's {@code @QuarkusTest} subclass runs it against
 * the real database and broker. Readiness covers what serving the API needs, which the broker is not: writes wait in
 * the outbox while it is away.
 */
public abstract class ReadinessContract {

    /** Gives the service what it needs before it can be ready, such as the catalog it reads; nothing by default. */
    protected void prepareReadiness() {
    }

    @Test
    void readinessComesUpCoveringTheDatabaseButNotTheBroker() {
        prepareReadiness();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200));
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check"))
                .body("checks.name", not(hasItem("Kafka connection health check")))
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data",
                        anyOf(nullValue(), anEmptyMap()))
                .body("checks.status", hasItems("UP"));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void operationalEndpointsNeedNoToken() {
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
