-- Each member's standing, folded in by the ingest transaction and rebuildable from training_session: the revision
-- of the last progress published for the member, and per exercise its recent history (the last two progression
-- points and the records, as JSON), so that a batch rewrites only the exercises its sessions touched. A member
-- stored before these tables existed gets rows at their next session.
CREATE TABLE member_progress (
    tenant_id  varchar(64) NOT NULL,
    member_id  varchar(64) NOT NULL,
    revision   bigint      NOT NULL,
    PRIMARY KEY (tenant_id, member_id)
);

CREATE TABLE exercise_standing (
    tenant_id    varchar(64)  NOT NULL,
    member_id    varchar(64)  NOT NULL,
    exercise_id  varchar(100) NOT NULL,
    history      jsonb        NOT NULL,
    PRIMARY KEY (tenant_id, member_id, exercise_id)
);

-- Records waiting to be relayed to Kafka, written in the same transaction as the sessions they come from. The index
-- serves Outbox.replace, which drops the states of a member still waiting when a newer one is written.
CREATE SEQUENCE outbox_event_seq INCREMENT BY 50;

CREATE TABLE outbox_event (
    id           bigint       PRIMARY KEY,
    topic        varchar(200) NOT NULL,
    message_key  varchar(200) NOT NULL,
    payload      text         NOT NULL,
    created_at   timestamptz  NOT NULL
);

CREATE INDEX outbox_event_by_key ON outbox_event (topic, message_key);
