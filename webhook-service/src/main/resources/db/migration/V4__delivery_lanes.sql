-- One row per subscription and member with deliveries pending: the one to send next (head_id, the lowest seq) and
-- when it may be taken (due_at; the end of its lease while an attempt is in flight). Taking due deliveries reads these
-- rows only, so its cost follows the deliveries taken, not the size of a backlog. member_key '' stands for deliveries
-- about no member (webhook.test).
CREATE TABLE webhook_lane (
    subscription_id UUID        NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    member_key      VARCHAR(64) NOT NULL,
    head_id         UUID,
    due_at          TIMESTAMPTZ,
    PRIMARY KEY (subscription_id, member_key)
);
CREATE INDEX webhook_lane_due ON webhook_lane (subscription_id, due_at) WHERE due_at IS NOT NULL;

DROP INDEX webhook_delivery_pending;
CREATE INDEX webhook_delivery_pending ON webhook_delivery (subscription_id, (coalesce(member_key, '')), seq)
    WHERE status = 'PENDING';

INSERT INTO webhook_lane (subscription_id, member_key, head_id, due_at)
SELECT DISTINCT ON (d.subscription_id, coalesce(d.member_key, ''))
       d.subscription_id, coalesce(d.member_key, ''), d.id,
       greatest(d.next_attempt_at, (SELECT max(p.leased_until) FROM webhook_delivery p
                                    WHERE p.status = 'PENDING' AND p.subscription_id = d.subscription_id
                                      AND coalesce(p.member_key, '') = coalesce(d.member_key, '')))
FROM webhook_delivery d
WHERE d.status = 'PENDING'
ORDER BY d.subscription_id, coalesce(d.member_key, ''), d.seq;
