-- Each member's standing (per exercise the last two progression points and the records, as JSON) and the revision
-- of the last progress published for the member; folded in by the ingest transaction, rebuildable from
-- training_session. A member stored before this table existed gets a row at their next session.
CREATE TABLE member_progress (
    tenant_id  varchar(64) NOT NULL,
    member_id  varchar(64) NOT NULL,
    revision   bigint      NOT NULL,
    standing   jsonb       NOT NULL,
    PRIMARY KEY (tenant_id, member_id)
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
