package app.backbone.catalog.rest;

import app.backbone.testsupport.PingContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PingTest extends PingContract {
}
