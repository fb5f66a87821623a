package app.backbone.program.health;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import app.backbone.program.messaging.CatalogFixture;
import app.backbone.testsupport.ReadinessContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest extends ReadinessContract {

    private static final String CATALOG_CHECK = "checks.find { it.name == 'Catalog read model caught up' }";

    /** The service is ready only once the catalog's global library has reached its read model. */
    @Override
    protected void prepareReadiness() {
        CatalogFixture.sendGlobalLibrary();
    }

    @Test
    void readinessSaysTheCatalogReadModelHoldsTheGlobalLibrary() {
        prepareReadiness();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body(CATALOG_CHECK + ".status", equalTo("UP"))
                .body(CATALOG_CHECK + ".data.globalLibrary", equalTo("held"))
                .body(CATALOG_CHECK + ".data.status", equalTo("caught up with catalog.exercises")));
    }
}
