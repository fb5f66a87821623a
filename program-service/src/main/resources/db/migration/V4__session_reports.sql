-- Session reports: one row per idempotency key with the answer given, and the outbox of completed-session events.
CREATE TABLE session_report (
    tenant_id        varchar(64)  NOT NULL,
    idempotency_key  varchar(200) NOT NULL,
    session_id       varchar(100) NOT NULL,
    program_id       uuid         NOT NULL,
    event_id         uuid         NOT NULL,
    fingerprint      varchar(64)  NOT NULL,
    response         jsonb        NOT NULL,
    created_at       timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, idempotency_key),
    CONSTRAINT session_report_session UNIQUE (tenant_id, session_id)
);

CREATE SEQUENCE outbox_event_seq INCREMENT BY 50;

CREATE TABLE outbox_event (
    id           bigint       PRIMARY KEY,
    topic        varchar(200) NOT NULL,
    message_key  varchar(200) NOT NULL,
    payload      text         NOT NULL,
    created_at   timestamptz  NOT NULL
);
