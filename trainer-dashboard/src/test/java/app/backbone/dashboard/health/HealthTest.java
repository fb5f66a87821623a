package app.backbone.dashboard.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest {

    @Test
    void readyWhileBothServicesAnswerReady() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("logging-service and program-service"))
                .body("checks.find { it.name == 'logging-service and program-service' }.data.logging-service",
                        equalTo(200));
    }

    @Test
    void metricsAreServed() {
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
