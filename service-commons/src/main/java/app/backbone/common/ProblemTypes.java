package app.backbone.common;

/** The {@code type} URIs of Backbone's problem documents. */
public final class ProblemTypes {

    private static final String BASE = "urn:backbone:problem:";

    public static final String VALIDATION = BASE + "validation";
    public static final String MALFORMED_BODY = BASE + "malformed-body";
    public static final String NOT_FOUND = BASE + "not-found";
    public static final String UNAUTHORIZED = BASE + "unauthorized";
    public static final String FORBIDDEN = BASE + "forbidden";
    public static final String PAYLOAD_TOO_LARGE = BASE + "payload-too-large";
    public static final String CONFLICT = BASE + "conflict";
    public static final String PRECONDITION_FAILED = BASE + "precondition-failed";
    public static final String HTTP = BASE + "http";
    public static final String INTERNAL = BASE + "internal";

    private ProblemTypes() {
    }
}
