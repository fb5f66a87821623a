-- Incremental figures, folded in as sessions arrive so that reads never rescan history; rebuildable from
-- training_session. The state columns hold the plain-Java aggregates of domain/figures as JSON.
CREATE TABLE weekly_aggregate (
    tenant_id  varchar(64) NOT NULL,
    member_id  varchar(64) NOT NULL,
    iso_week   varchar(8)  NOT NULL,
    state      jsonb       NOT NULL,
    PRIMARY KEY (tenant_id, member_id, iso_week)
);

CREATE TABLE exercise_history (
    tenant_id    varchar(64)  NOT NULL,
    member_id    varchar(64)  NOT NULL,
    exercise_id  varchar(100) NOT NULL,
    state        jsonb        NOT NULL,
    PRIMARY KEY (tenant_id, member_id, exercise_id)
);
