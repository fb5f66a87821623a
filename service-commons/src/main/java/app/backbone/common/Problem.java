package app.backbone.common;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document, the body of every error answer.
 *
 * @param type   a URI naming the kind of problem
 * @param title  a short summary of that kind
 * @param status the HTTP status code
 * @param detail what went wrong in this request
 * @param errors for validation problems, one entry per offending field
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One invalid field: its JSON path, parameter or column name, why it was refused, and for an uploaded file the
     * line it is on (1 = the first line).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message, Long line) {

        public FieldError(String field, String message) {
            this(field, message, null);
        }
    }
}
