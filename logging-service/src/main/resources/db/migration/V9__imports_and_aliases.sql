-- A tenant's own names for catalog exercises, tried first when an import maps the names another app wrote.
CREATE TABLE exercise_alias (
    tenant_id    varchar(64)  NOT NULL,
    name_key     varchar(200) NOT NULL,
    name         varchar(200) NOT NULL,
    exercise_id  varchar(100) NOT NULL,
    updated_at   timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, name_key)
);

-- One import of a member's history from another app's export: its progress while it runs, then its result.
CREATE TABLE member_import (
    id                        uuid         PRIMARY KEY,
    tenant_id                 varchar(64)  NOT NULL,
    member_id                 varchar(64)  NOT NULL,
    source                    varchar(16)  NOT NULL,
    variant                   varchar(40)  NOT NULL,
    dry_run                   boolean      NOT NULL,
    status                    varchar(16)  NOT NULL,
    time_zone                 varchar(64)  NOT NULL,
    weight_unit               varchar(4)   NOT NULL,
    rows_total                bigint       NOT NULL,
    rows_read                 bigint       NOT NULL,
    rows_skipped              bigint       NOT NULL,
    sessions_found            integer      NOT NULL,
    sessions_stored           integer      NOT NULL,
    sessions_already_present  integer      NOT NULL,
    sessions_without_exercises integer     NOT NULL,
    unmapped_exercises        jsonb        NOT NULL,
    errors                    jsonb        NOT NULL,
    error_count               integer      NOT NULL,
    failure                   text,
    requested_by              varchar(200),
    created_at                timestamptz  NOT NULL,
    updated_at                timestamptz  NOT NULL,
    finished_at               timestamptz
);

CREATE INDEX member_import_of_member ON member_import (tenant_id, member_id, created_at DESC);
