package app.backbone.webhook;

import app.backbone.testsupport.JwtTestResource;
import app.backbone.testsupport.KafkaTestResource;
import app.backbone.testsupport.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Starts a real PostgreSQL and Kafka broker, and trusts the test signing key, once for all tests. */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
public final class RealServers {

    private RealServers() {
    }
}
