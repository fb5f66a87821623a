package app.backbone.program.messaging;

/** Topics this service publishes; names are also the channel names. */
public final class SessionTopics {

    /** Completed sessions; key = memberId; value = {@link SessionCompleted}. */
    public static final String COMPLETED = "training.sessions.completed";

    private SessionTopics() {
    }
}
