package app.backbone.webhook.rest;

import app.backbone.testsupport.AuthContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WebhookAuthTest extends AuthContract {

    @Override
    protected String protectedPath() {
        return "/webhooks";
    }

    @Override
    protected String roleWithoutAccess() {
        return "trainer";
    }
}
