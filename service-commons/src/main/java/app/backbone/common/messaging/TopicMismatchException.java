package app.backbone.common.messaging;

/**
 * A topic exists with a partition count or cleanup policy other than the service needs: keys would land on other
 * partitions than the service's consumers expect, or a compacted topic would lose its states to retention (or a log
 * of events would be compacted away). Nobody can fix that but whoever runs the cluster, so it is reported, not
 * retried into success.
 */
public class TopicMismatchException extends IllegalStateException {

    public TopicMismatchException(String message) {
        super(message);
    }
}
