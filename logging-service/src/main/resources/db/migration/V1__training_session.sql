-- Completed sessions as ingested from training.sessions.completed.
CREATE SEQUENCE training_session_seq INCREMENT BY 50;

CREATE TABLE training_session (
    id            bigint       PRIMARY KEY,
    tenant_id     varchar(64)  NOT NULL,
    member_id     varchar(64)  NOT NULL,
    session_id    varchar(100) NOT NULL,
    program_id    uuid,
    completed_at  timestamptz  NOT NULL,
    received_at   timestamptz  NOT NULL,
    CONSTRAINT training_session_unique UNIQUE (tenant_id, session_id)
);

CREATE INDEX training_session_by_member ON training_session (tenant_id, member_id, completed_at DESC);
