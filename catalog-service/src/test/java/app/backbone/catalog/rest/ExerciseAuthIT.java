package app.backbone.catalog.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ExerciseAuthIT extends ExerciseAuthTest {
}
