package app.backbone.common;

import java.util.List;

/** A failure the caller can act on, answered as a problem document with the given status. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;

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

    /** 404 for something that does not exist for the caller's tenant. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(404, ProblemTypes.NOT_FOUND, "Not found", detail);
    }

    /** The problem document this exception is answered with. */
    public Problem toProblem() {
        return new Problem(type, title, status, getMessage(), errors);
    }

    public int status() {
        return status;
    }
}
