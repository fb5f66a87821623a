package app.backbone.program.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ProgramAuthIT extends ProgramAuthTest {
}
