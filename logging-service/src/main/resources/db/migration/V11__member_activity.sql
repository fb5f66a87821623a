-- Each member's activity, for the list of a tenant's members with sessions (GET /members): how many sessions, the
-- first and the latest (by completion). Kept by the transaction that stores sessions, under the member's lock;
-- rebuildable from training_session, from which it is filled here for the members stored before it existed.
CREATE TABLE member_activity (
    tenant_id        varchar(64)  NOT NULL,
    member_id        varchar(64)  NOT NULL,
    sessions         integer      NOT NULL,
    first_session_at timestamptz  NOT NULL,
    last_session_at  timestamptz  NOT NULL,
    last_session_id  varchar(100) NOT NULL,
    PRIMARY KEY (tenant_id, member_id)
);

CREATE INDEX member_activity_newest_first ON member_activity (tenant_id, last_session_at DESC, member_id);

INSERT INTO member_activity (tenant_id, member_id, sessions, first_session_at, last_session_at, last_session_id)
SELECT tenant_id, member_id, count(*), min(completed_at), max(completed_at),
       (array_agg(session_id ORDER BY completed_at DESC, session_id DESC))[1]
FROM training_session GROUP BY tenant_id, member_id;
