package app.backbone.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

/**
 * What every service's operational endpoints must do; a service's {@code @QuarkusTest} subclass runs it against
 * the real database and broker.
 */
public abstract class ReadinessContract {

    @Test
    void readinessCoversTheDatabaseAndTheBroker() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"))
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
