-- Set while an attempt is in flight (until when it may take), so that a manual retry cannot start a second one.
ALTER TABLE webhook_delivery ADD COLUMN leased_until TIMESTAMPTZ;
