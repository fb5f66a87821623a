package app.backbone.webhook.domain;

import java.util.List;

/** The event types a subscription may name, and the one a test delivery has. */
public final class EventTypes {

    public static final String RECORD_ACHIEVED = "record.achieved";
    public static final String DELOAD_RECOMMENDED = "deload.recommended";
    public static final String MEMBER_ERASED = "member.erased";
    /** Sent by {@code POST /webhooks/{id}/test} only; never subscribed to. */
    public static final String TEST = "webhook.test";

    /** The types a subscription may list, in the order the API documents them. */
    public static final List<String> SUBSCRIBABLE = List.of(RECORD_ACHIEVED, DELOAD_RECOMMENDED, MEMBER_ERASED);

    private EventTypes() {
    }
}
