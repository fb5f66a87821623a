package app.backbone.common;

/** Versions carried in ETags: a resource's ETag is its version, quoted. */
public final class ETags {

    private ETags() {
    }

    /**
     * The version an If-Match names, weak or strong, or null without one. The service compares it with the stored
     * version in the transaction that makes the change, so that check, not this parsing, is what stops a lost update.
     *
     * @throws ProblemException 412 when the header is not an ETag this platform issues
     */
    public static Long version(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String value = ifMatch.strip().replaceFirst("^W/", "");
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            try {
                return Long.parseLong(value.substring(1, value.length() - 1));
            } catch (NumberFormatException e) {
                // refused below, like any other value that is not ours
            }
        }
        throw ProblemException.preconditionFailed("If-Match " + ifMatch + " is not an ETag this service issued.");
    }
}
