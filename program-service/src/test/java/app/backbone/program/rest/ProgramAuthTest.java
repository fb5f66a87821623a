package app.backbone.program.rest;

import app.backbone.testsupport.AuthContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProgramAuthTest extends AuthContract {

    @Override
    protected String protectedPath() {
        return "/members/member-1/programs";
    }

    @Override
    protected String roleWithoutAccess() {
        return "admin";
    }
}
