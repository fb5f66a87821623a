package app.backbone.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A failure the caller can act on, answered as a problem document with the given status. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, null);
    }

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors;
    }

    /** 400 for one invalid field or parameter: {@code "'field' message."}, naming the field in {@code errors}. */
    public static ProblemException invalid(String field, String message) {
        return invalid("'" + field + "' " + message + ".", field, message);
    }

    /** 400 for one invalid field or parameter, with a detail of its own. */
    public static ProblemException invalid(String detail, String field, String message) {
        return new ProblemException(400, ProblemTypes.VALIDATION, "Invalid request", detail,
                List.of(new Problem.FieldError(field, message)));
    }

    /** 422 for a well-formed field whose value the resource's current state does not allow. */
    public static ProblemException unprocessable(String detail, String field, String message) {
        return new ProblemException(422, ProblemTypes.VALIDATION, "Unprocessable request", detail,
                List.of(new Problem.FieldError(field, message)));
    }

    /** 400 for a request that is invalid as a whole. */
    public static ProblemException invalid(String detail) {
        return new ProblemException(400, ProblemTypes.VALIDATION, "Invalid request", detail);
    }

    /** 403 for an operation the caller's tenant may not perform on this resource. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, ProblemTypes.FORBIDDEN, "Forbidden", detail);
    }

    /** 404 for something that does not exist for the caller's tenant. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(404, ProblemTypes.NOT_FOUND, "Not found", detail);
    }

    /** 409 for a request that conflicts with the resource's current state. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, ProblemTypes.CONFLICT, "Conflict", detail);
    }

    /** 412 for a precondition ({@code If-Match}) the resource no longer meets. */
    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, ProblemTypes.PRECONDITION_FAILED, "Precondition failed", detail);
    }

    /** 428 for a change sent without the precondition it needs. */
    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(428, ProblemTypes.PRECONDITION_FAILED, "Precondition required", detail);
    }

    /** 503 for something the service cannot answer yet; the caller may try again. */
    public static ProblemException unavailable(String title, String detail) {
        return new ProblemException(503, ProblemTypes.HTTP, title, detail);
    }

    /** Adds an RFC 9457 extension member to the answer, e.g. the items a refusal lists; returns this. */
    public ProblemException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    /** The problem document this exception is answered with, without its extension members. */
    public Problem toProblem() {
        return new Problem(type, title, status, getMessage(), errors);
    }

    /** The extension members added with {@link #with}, in the order added. */
    public Map<String, Object> extensions() {
        return new LinkedHashMap<>(extensions);
    }

    public int status() {
        return status;
    }
}
