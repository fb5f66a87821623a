package app.backbone.common;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Turns every failure of a request into an {@code application/problem+json} answer, never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Problem problem = e.toProblem();
        if (e.extensions().isEmpty()) {
            return answer(problem);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        if (problem.errors() != null) {
            body.put("errors", problem.errors());
        }
        e.extensions().forEach(body::putIfAbsent);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return answer(new Problem(ProblemTypes.VALIDATION, "Invalid request", 400,
                "The request has " + errors.size() + " invalid field(s).", errors));
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e) {
        String field = jsonPath(e);
        String allowed = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                .map(String::valueOf).sorted().collect(Collectors.joining(", "));
        return malformed(field, "Unknown field '" + e.getPropertyName() + "'. Known fields: " + allowed + ".");
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        String field = jsonPath(e);
        Class<?> target = e.getTargetType();
        String message;
        if (target != null && target.isEnum()) {
            String allowed = Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
            message = "'" + e.getValue() + "' is not one of the allowed values: " + allowed + ".";
        } else if (target == String.class) {
            message = "The text holds a NUL character or invalid UTF-8.";
        } else {
            message = "'" + e.getValue() + "' is not " + typeName(target) + ".";
        }
        return malformed(field, message);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return malformed(jsonPath(e), "Expected " + typeName(e.getTargetType()) + " here.");
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String location = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return answer(new Problem(ProblemTypes.MALFORMED_BODY, "Malformed request body", 400,
                "The body is not valid JSON" + location + ".", null));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        Response response = answer(new Problem(ProblemTypes.UNAUTHORIZED, "Unauthorized", 401,
                "A valid bearer token is required.", null));
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return answer(new Problem(ProblemTypes.FORBIDDEN, "Forbidden", 403,
                "The token's roles do not allow this operation.", null));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e instanceof NotFoundException && e.getCause() instanceof RuntimeException cause) {
            return answer(new Problem(ProblemTypes.VALIDATION, "Invalid request", 400,
                    "A query or path parameter has a value of the wrong type (" + cause.getMessage() + ").", null));
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        Response.StatusType statusInfo = original.getStatusInfo();
        String detail = status >= 500 ? "The server could not complete the request." : e.getMessage();
        Response.ResponseBuilder builder = Response.fromResponse(answer(new Problem(
                status == 404 ? ProblemTypes.NOT_FOUND : ProblemTypes.HTTP,
                statusInfo.getReasonPhrase(), status, detail, null)));
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unexpected failure", e);
        return answer(new Problem(ProblemTypes.INTERNAL, "Internal server error", 500,
                "The server could not complete the request.", null));
    }

    static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Response malformed(String field, String message) {
        return answer(new Problem(ProblemTypes.VALIDATION, "Invalid request", 400, message,
                List.of(new Problem.FieldError(field, message))));
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        String parameter = null;
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> { }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.isInIterable()) {
                        path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey())
                                .append(']');
                    }
                    if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                        if (!path.isEmpty()) {
                            path.append('.');
                        }
                        path.append(node.getName());
                    }
                }
            }
        }
        if (!path.isEmpty()) {
            return path.toString();
        }
        return parameter == null ? violation.getPropertyPath().toString() : parameter;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
