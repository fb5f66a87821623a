package app.backbone.webhook.health;

import app.backbone.testsupport.ReadinessContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest extends ReadinessContract {
}
