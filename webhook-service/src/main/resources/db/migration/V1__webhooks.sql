CREATE TABLE webhook_subscription (
    id                UUID PRIMARY KEY,
    tenant_id         VARCHAR(64)   NOT NULL,
    url               VARCHAR(2048) NOT NULL,
    events            TEXT[]        NOT NULL,
    description       VARCHAR(500),
    secret_ciphertext BYTEA         NOT NULL,
    status            VARCHAR(16)   NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    disabled_reason   VARCHAR(500),
    created_at        TIMESTAMPTZ   NOT NULL
);
CREATE INDEX webhook_subscription_tenant ON webhook_subscription (tenant_id, created_at);

-- id is the webhook-id of every attempt; seq orders one member's deliveries to one subscription.
CREATE TABLE webhook_delivery (
    id              UUID PRIMARY KEY,
    seq             BIGSERIAL    NOT NULL,
    subscription_id UUID         NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    tenant_id       VARCHAR(64)  NOT NULL,
    member_key      VARCHAR(64),
    event_type      VARCHAR(64)  NOT NULL,
    payload         JSONB        NOT NULL,
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    expires_at      TIMESTAMPTZ  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    delivered_at    TIMESTAMPTZ
);
CREATE INDEX webhook_delivery_pending ON webhook_delivery (subscription_id, member_key, seq) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_listed ON webhook_delivery (subscription_id, seq);

CREATE TABLE webhook_attempt (
    id               BIGSERIAL PRIMARY KEY,
    delivery_id      UUID        NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempted_at     TIMESTAMPTZ NOT NULL,
    status_code      INT,
    duration_ms      BIGINT      NOT NULL,
    error            VARCHAR(500),
    response_excerpt VARCHAR(2048)
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, attempted_at);

CREATE TABLE processed_event (
    event_id    UUID PRIMARY KEY,
    received_at TIMESTAMPTZ NOT NULL
);
