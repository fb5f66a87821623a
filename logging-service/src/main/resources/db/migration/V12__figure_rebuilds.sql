-- A rebuild of a tenant's figures from its stored sessions, run as a job: asked for by POST /figures/rebuild, taken up
-- by one instance at a time (claimed_by, until lease_expires_at; renewed while it runs), member by member in member id
-- order, each member's transaction moving last_member_id on, so that an instance taking over a job whose lease ran
-- out goes on after the last member done.
CREATE TABLE figure_rebuild (
    id                  uuid         PRIMARY KEY,
    tenant_id           varchar(64)  NOT NULL,
    status              varchar(16)  NOT NULL,
    members_total       integer,
    members_done        integer      NOT NULL,
    sessions_processed  bigint       NOT NULL,
    last_member_id      varchar(64),
    attempts            integer      NOT NULL,
    claimed_by          varchar(200),
    lease_expires_at    timestamptz,
    failure             text,
    requested_by        varchar(200),
    created_at          timestamptz  NOT NULL,
    started_at          timestamptz,
    updated_at          timestamptz  NOT NULL,
    finished_at         timestamptz
);

-- At most one rebuild of a tenant waits or runs: a second request finds it, whichever instance it reaches.
CREATE UNIQUE INDEX figure_rebuild_one_active ON figure_rebuild (tenant_id) WHERE status IN ('PENDING', 'RUNNING');
CREATE INDEX figure_rebuild_of_tenant ON figure_rebuild (tenant_id, created_at DESC);
