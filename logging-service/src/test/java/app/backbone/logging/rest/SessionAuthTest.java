package app.backbone.logging.rest;

import app.backbone.testsupport.AuthContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SessionAuthTest extends AuthContract {

    @Override
    protected String protectedPath() {
        return "/members/member-1/sessions";
    }

    @Override
    protected String roleWithoutAccess() {
        return "admin";
    }
}
