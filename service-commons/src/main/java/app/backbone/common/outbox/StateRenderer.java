package app.backbone.common.outbox;

import java.util.Collection;
import java.util.Map;

/**
 * The current states of one compacted topic's keys, as JSON, for {@link OutboxRelay} to send what
 * {@link Outbox#changed} marked. A service has one bean per topic it marks changes on.
 */
public interface StateRenderer {

    /** The topic whose states this renders. */
    String topic();

    /**
     * Reads the keys' current states in the relay's transaction. A key missing from the answer has no state any
     * more and is sent as a tombstone.
     */
    Map<String, String> render(Collection<String> keys);
}
