package app.backbone.logging.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class SessionAuthIT extends SessionAuthTest {
}
