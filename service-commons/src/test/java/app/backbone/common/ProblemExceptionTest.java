package app.backbone.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProblemExceptionTest {

    @Test
    void anInvalidFieldIsNamedInTheDetailAndInTheErrors() {
        ProblemException e = ProblemException.invalid("memberId", "must be 1-64 characters");

        assertEquals(400, e.status());
        assertEquals(new Problem(ProblemTypes.VALIDATION, "Invalid request", 400,
                "'memberId' must be 1-64 characters.", List.of(new Problem.FieldError("memberId",
                        "must be 1-64 characters"))), e.toProblem());
        assertEquals("'memberId' must be 1-64 characters.", e.getMessage());
    }

    @Test
    void anInvalidFieldMayHaveADetailOfItsOwn() {
        assertEquals(new Problem(ProblemTypes.VALIDATION, "Invalid request", 400, "Give from before to.",
                List.of(new Problem.FieldError("from", "must be before 'to'"))),
                ProblemException.invalid("Give from before to.", "from", "must be before 'to'").toProblem());
    }

    @Test
    void eachFactoryGivesItsStatusTypeAndTitle() {
        assertProblem(ProblemException.invalid("Nothing to change."), 400, ProblemTypes.VALIDATION,
                "Invalid request");
        assertProblem(ProblemException.forbidden("Global exercises are read-only."), 403, ProblemTypes.FORBIDDEN,
                "Forbidden");
        assertProblem(ProblemException.notFound("No program p-1."), 404, ProblemTypes.NOT_FOUND, "Not found");
        assertProblem(ProblemException.conflict("Already retired."), 409, ProblemTypes.CONFLICT, "Conflict");
        assertProblem(ProblemException.preconditionFailed("The ETag is stale."), 412,
                ProblemTypes.PRECONDITION_FAILED, "Precondition failed");
        assertProblem(ProblemException.preconditionRequired("Send If-Match."), 428,
                ProblemTypes.PRECONDITION_FAILED, "Precondition required");
        assertProblem(ProblemException.unavailable("Catalog not ready", "Still reading the catalog."), 503,
                ProblemTypes.HTTP, "Catalog not ready");
    }

    private static void assertProblem(ProblemException e, int status, String type, String title) {
        assertEquals(status, e.status());
        assertEquals(new Problem(type, title, status, e.getMessage(), null), e.toProblem());
    }
}
