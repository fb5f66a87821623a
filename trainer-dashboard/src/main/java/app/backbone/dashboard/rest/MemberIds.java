package app.backbone.dashboard.rest;

/** The form of a chain's opaque member ids (DESIGN: 1-64 characters of {@code [A-Za-z0-9._:-]}). */
final class MemberIds {

    /** A whole member id. */
    static final String PATTERN = "[A-Za-z0-9._:-]{1,64}";
    /** A search for part of one: empty is no search. */
    static final String SEARCH = "[A-Za-z0-9._:-]{0,64}";
    static final String MESSAGE = "a member id is 1-64 characters of letters, digits and . _ : -";

    private MemberIds() {
    }
}
