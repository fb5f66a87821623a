-- When a delivery ended (DELIVERED or FAILED), from which it is kept for backbone.webhooks.retention.
ALTER TABLE webhook_delivery ADD COLUMN ended_at TIMESTAMPTZ;
UPDATE webhook_delivery d SET ended_at = COALESCE(d.delivered_at,
        (SELECT max(a.attempted_at) FROM webhook_attempt a WHERE a.delivery_id = d.id), d.created_at)
    WHERE d.status <> 'PENDING';
CREATE INDEX webhook_delivery_ended ON webhook_delivery (ended_at) WHERE status <> 'PENDING';
CREATE INDEX processed_event_received ON processed_event (received_at);
