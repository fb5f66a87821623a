package app.backbone.common;

/** The form of a chain's opaque member identifiers. */
public final class MemberIds {

    /** 1 to 64 characters of letters, digits and {@code . _ : -}. */
    public static final String PATTERN = "[A-Za-z0-9._:-]{1,64}";
    public static final String MESSAGE = "must be 1-64 characters of letters, digits and . _ : -";

    private MemberIds() {
    }
}
