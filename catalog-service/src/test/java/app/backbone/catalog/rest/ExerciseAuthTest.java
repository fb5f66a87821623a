package app.backbone.catalog.rest;

import app.backbone.testsupport.AuthContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ExerciseAuthTest extends AuthContract {

    @Override
    protected String protectedPath() {
        return "/exercises";
    }

    @Override
    protected String roleWithoutAccess() {
        return "member";
    }
}
