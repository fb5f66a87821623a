package app.backbone.logging.health;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class HealthIT extends HealthTest {
}
