package app.backbone.testsupport;

/** Facts about problem documents that tests check. */
public final class ProblemJson {

    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemJson() {
    }
}
