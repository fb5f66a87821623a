-- Programs generated for gym members; archived rather than deleted.
CREATE TABLE program (
    id          uuid         PRIMARY KEY,
    tenant_id   varchar(64)  NOT NULL,
    member_id   varchar(64)  NOT NULL,
    goal        varchar(24)  NOT NULL,
    status      varchar(16)  NOT NULL CHECK (status IN ('ACTIVE', 'ARCHIVED')),
    created_at  timestamptz  NOT NULL,
    version     bigint       NOT NULL DEFAULT 0
);

CREATE INDEX program_by_member ON program (tenant_id, member_id, created_at DESC);
