package app.backbone.common;

/** The roles a token's {@code groups} claim may grant. */
public final class Roles {

    /** A chain's administrator: manages the chain's own catalog entries. */
    public static final String ADMIN = "admin";
    /** A trainer at a chain: builds programs and reads progress. */
    public static final String TRAINER = "trainer";
    /** A chain's member-management system calling Backbone machine to machine. */
    public static final String INTEGRATION = "integration";

    private Roles() {
    }
}
