-- Ingest of training.sessions.completed: each event id once, each session as one row with its exercises and sets.
CREATE TABLE processed_event (
    event_id     uuid         PRIMARY KEY,
    received_at  timestamptz  NOT NULL
);

ALTER TABLE training_session
    ALTER COLUMN id SET DEFAULT nextval('training_session_seq'),
    ADD COLUMN event_id   uuid,
    ADD COLUMN exercises  jsonb NOT NULL DEFAULT '[]';
