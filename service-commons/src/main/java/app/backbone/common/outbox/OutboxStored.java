package app.backbone.common.outbox;

/**
 * Fired by {@link Outbox} in a transaction that stores messages; {@link OutboxRelay} observes it once the
 * transaction has committed, to relay them without waiting for its next scheduled round.
 */
public record OutboxStored() {
}
