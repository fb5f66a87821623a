-- Events waiting to be relayed to Kafka, written in the same transaction as the change they announce.
CREATE SEQUENCE outbox_event_seq INCREMENT BY 50;

CREATE TABLE outbox_event (
    id           bigint       PRIMARY KEY,
    topic        varchar(200) NOT NULL,
    message_key  varchar(200) NOT NULL,
    payload      text         NOT NULL,
    created_at   timestamptz  NOT NULL
);

CREATE INDEX exercise_name_search ON exercise (lower(name));
