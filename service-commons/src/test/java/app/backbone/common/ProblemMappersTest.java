package app.backbone.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

class ProblemMappersTest {

    enum Goal { STRENGTH, HYPERTROPHY }

    record ExerciseEntry(@Min(1) int sets) {
    }

    record ProgramRequest(@NotBlank String name, Goal goal, @Valid @NotEmpty List<ExerciseEntry> exercises,
            List<@NotBlank String> tags) {
    }

    static class ProgramResource {

        void list(@Min(1) int limit, @Valid PageParams params) {
        }
    }

    private static final ValidatorFactory VALIDATION = Validation
            .byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();

    private final ProblemMappers mappers = new ProblemMappers();
    private final ObjectMapper json = StrictJson.strict(new ObjectMapper());

    @AfterAll
    static void closeValidation() {
        VALIDATION.close();
    }

    @Test
    void constraintViolationsAreAnsweredWith400AndTheFieldsSortedByPath() {
        Validator validator = VALIDATION.getValidator();
        ProgramRequest request = new ProgramRequest(" ", Goal.STRENGTH,
                List.of(new ExerciseEntry(3), new ExerciseEntry(0)), List.of("push", ""));
        Set<ConstraintViolation<ProgramRequest>> violations = validator.validate(request);

        Response response = mappers.constraintViolation(new ConstraintViolationException(violations));

        Problem problem = assertProblem(response, 400, ProblemTypes.VALIDATION, "Invalid request");
        assertEquals("The request has 3 invalid field(s).", problem.detail());
        assertEquals(List.of(
                new Problem.FieldError("exercises[1].sets", "must be greater than or equal to 1"),
                new Problem.FieldError("name", "must not be blank"),
                new Problem.FieldError("tags[1]", "must not be blank")), problem.errors());
    }

    @Test
    void violationsOfParametersNameTheParameterOrTheBeanParamField() throws NoSuchMethodException {
        PageParams params = new PageParams();
        params.page = PageParams.MAX_PAGE + 1;
        params.size = 50;
        Set<ConstraintViolation<ProgramResource>> violations = VALIDATION.getValidator().forExecutables()
                .validateParameters(new ProgramResource(),
                        ProgramResource.class.getDeclaredMethod("list", int.class, PageParams.class),
                        new Object[] {0, params});

        Problem problem = (Problem) mappers.constraintViolation(new ConstraintViolationException(violations))
                .getEntity();

        assertEquals(List.of(
                new Problem.FieldError("limit", "must be greater than or equal to 1"),
                new Problem.FieldError("page", "must be between 0 and " + PageParams.MAX_PAGE)), problem.errors());
    }

    @Test
    void anUnknownFieldIsNamedWithTheKnownOnes() {
        UnrecognizedPropertyException e = readFails(UnrecognizedPropertyException.class,
                "{\"name\": \"Push\", \"colour\": \"red\"}");

        Problem problem = assertProblem(mappers.unrecognizedProperty(e), 400, ProblemTypes.VALIDATION,
                "Invalid request");
        String message = "Unknown field 'colour'. Known fields: exercises, goal, name, tags.";
        assertEquals(message, problem.detail());
        assertEquals(List.of(new Problem.FieldError("colour", message)), problem.errors());
    }

    @Test
    void anUnknownEnumValueIsAnsweredWithTheAllowedValues() {
        InvalidFormatException e = readFails(InvalidFormatException.class, "{\"goal\": \"ENDURANCE\"}");

        Problem problem = assertProblem(mappers.invalidFormat(e), 400, ProblemTypes.VALIDATION, "Invalid request");
        String message = "'ENDURANCE' is not one of the allowed values: STRENGTH, HYPERTROPHY.";
        assertEquals(message, problem.detail());
        assertEquals(List.of(new Problem.FieldError("goal", message)), problem.errors());
    }

    @Test
    void aValueOfTheWrongTypeIsNamedByItsPath() {
        InvalidFormatException e = readFails(InvalidFormatException.class,
                "{\"exercises\": [{\"sets\": 3}, {\"sets\": 1.5}]}");

        Problem problem = (Problem) mappers.invalidFormat(e).getEntity();
        assertEquals(List.of(new Problem.FieldError("exercises[1].sets", "'1.5' is not a number.")),
                problem.errors());
    }

    @Test
    void textWithANulCharacterIsRefusedAsSuch() {
        InvalidFormatException e = readFails(InvalidFormatException.class, "{\"tags\": [\"a\\u0000b\"]}");

        Problem problem = (Problem) mappers.invalidFormat(e).getEntity();
        assertEquals(List.of(new Problem.FieldError("tags[0]", "The text holds a NUL character or invalid UTF-8.")),
                problem.errors());
    }

    @Test
    void aValueOfAnotherJsonShapeSaysWhatWasExpected() {
        assertExpected("exercises[0].sets", "a number", "{\"exercises\": [{\"sets\": \"five\"}]}");
        assertExpected("name", "a string", "{\"name\": {\"first\": \"Push\"}}");
        assertExpected("exercises", "an array", "{\"exercises\": {\"sets\": 3}}");
        assertExpected("body", "an object", "[]");
    }

    @Test
    void unreadableJsonIsAnsweredWithWhereReadingStopped() {
        JsonProcessingException e = readFails(JsonProcessingException.class, "{\n  \"name\": \"Push\",\n  goal}");

        Problem problem = assertProblem(mappers.unreadableJson(e), 400, ProblemTypes.MALFORMED_BODY,
                "Malformed request body");
        assertEquals("The body is not valid JSON at line 3, column 3.", problem.detail());
        assertNull(problem.errors());
    }

    @Test
    void aMissingOrInvalidTokenIsAnswered401WithABearerChallenge() {
        for (RuntimeException e : List.of(new UnauthorizedException(), new AuthenticationFailedException("expired"))) {
            Response response = mappers.unauthorized(e);
            Problem problem = assertProblem(response, 401, ProblemTypes.UNAUTHORIZED, "Unauthorized");
            assertEquals("A valid bearer token is required.", problem.detail());
            assertEquals("Bearer", response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
        }
    }

    @Test
    void aMissingRoleIsAnswered403() {
        Problem problem = assertProblem(mappers.forbidden(new ForbiddenException()), 403, ProblemTypes.FORBIDDEN,
                "Forbidden");
        assertEquals("The token's roles do not allow this operation.", problem.detail());
    }

    @Test
    void anUnknownPathIsAnswered404() {
        Problem problem = assertProblem(mappers.webApplication(new NotFoundException()), 404,
                ProblemTypes.NOT_FOUND, "Not Found");
        assertEquals("HTTP 404 Not Found", problem.detail());
    }

    @Test
    void aParameterThatCannotBeConvertedIsAnswered400() {
        NotFoundException e = new NotFoundException(new NumberFormatException("For input string: \"ten\""));

        Problem problem = assertProblem(mappers.webApplication(e), 400, ProblemTypes.VALIDATION, "Invalid request");
        assertEquals("A query or path parameter has a value of the wrong type (For input string: \"ten\").",
                problem.detail());
    }

    @Test
    void aMethodNotAllowedKeepsTheAllowHeader() {
        Response response = mappers.webApplication(new NotAllowedException("GET", new String[] {"PUT"}));

        assertProblem(response, 405, ProblemTypes.HTTP, "Method Not Allowed");
        assertEquals(Set.of("GET", "PUT"), Set.of(response.getHeaderString(HttpHeaders.ALLOW).split(", ?")));
    }

    @Test
    void aServerErrorTellsNothingOfItsCause() {
        Problem problem = assertProblem(
                mappers.webApplication(new InternalServerErrorException("pool exhausted at db-1:5432")), 500,
                ProblemTypes.HTTP, "Internal Server Error");
        assertEquals("The server could not complete the request.", problem.detail());
    }

    @Test
    void anUnexpectedFailureIsAnswered500WithoutDetails() {
        Problem problem = assertProblem(mappers.unexpected(new IllegalStateException("password=hunter2")), 500,
                ProblemTypes.INTERNAL, "Internal server error");
        assertEquals("The server could not complete the request.", problem.detail());
        assertNull(problem.errors());
    }

    @Test
    void aProblemExceptionIsAnsweredAsItsProblem() {
        Problem problem = assertProblem(mappers.problem(ProblemException.conflict("Version 3 is not the latest.")),
                409, ProblemTypes.CONFLICT, "Conflict");
        assertEquals("Version 3 is not the latest.", problem.detail());
    }

    private void assertExpected(String field, String expected, String body) {
        Response response = mappers.mismatchedInput(readFails(MismatchedInputException.class, body));
        String message = "Expected " + expected + " here.";
        Problem problem = assertProblem(response, 400, ProblemTypes.VALIDATION, "Invalid request");
        assertEquals(List.of(new Problem.FieldError(field, message)), problem.errors(), body);
    }

    private <E extends Exception> E readFails(Class<E> type, String body) {
        return assertThrows(type, () -> json.readValue(body, ProgramRequest.class));
    }

    private static Problem assertProblem(Response response, int status, String type, String title) {
        assertEquals(status, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertEquals(status, problem.status());
        assertEquals(type, problem.type());
        assertEquals(title, problem.title());
        assertFalse(problem.detail().isBlank());
        return problem;
    }
}
