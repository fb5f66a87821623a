package app.backbone.logging.messaging;

/** Topic names, which are also the channel names. */
public final class SessionTopics {

    /** Completed sessions from program-service or a chain's own systems; key = memberId. */
    public static final String COMPLETED = "training.sessions.completed";

    /** Records of {@link #COMPLETED} that could not be accepted, with the reason in headers. */
    public static final String REJECTED = "training.sessions.completed.dlq";

    private SessionTopics() {
    }
}
