-- Members' progress as logging-service last published it on the compacted topic training.member-progress: the
-- newest revision per member wins, so redelivered and reordered records change nothing.
CREATE TABLE member_progress (
    tenant_id    varchar(64)  NOT NULL,
    member_id    varchar(64)  NOT NULL,
    revision     bigint       NOT NULL,
    computed_at  timestamptz  NOT NULL,
    state        jsonb        NOT NULL,
    received_at  timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, member_id)
);
