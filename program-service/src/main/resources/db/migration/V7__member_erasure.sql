-- Events consumed for their effect (members.erasure-requested), each id once, recorded in the transaction of the
-- effect so that a redelivered request changes nothing.
CREATE TABLE processed_event (
    event_id     uuid         PRIMARY KEY,
    received_at  timestamptz  NOT NULL
);
