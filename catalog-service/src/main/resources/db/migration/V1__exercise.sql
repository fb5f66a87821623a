-- The exercise library: GLOBAL exercises shared by all tenants and TENANT exercises visible only to their tenant.
CREATE TABLE exercise (
    id                 varchar(100) PRIMARY KEY,
    scope              varchar(16)  NOT NULL CHECK (scope IN ('GLOBAL', 'TENANT')),
    tenant_id          varchar(64),
    name               varchar(200) NOT NULL,
    description        text,
    category           varchar(32)  NOT NULL,
    movement_pattern   varchar(40)  NOT NULL,
    primary_muscles    text[]       NOT NULL DEFAULT '{}',
    secondary_muscles  text[]       NOT NULL DEFAULT '{}',
    equipment          text[]       NOT NULL DEFAULT '{}',
    laterality         varchar(16)  NOT NULL,
    measure            varchar(24)  NOT NULL,
    loadable           boolean      NOT NULL,
    contraindications  text[]       NOT NULL DEFAULT '{}',
    cues               text[]       NOT NULL DEFAULT '{}',
    media_urls         text[]       NOT NULL DEFAULT '{}',
    retired            boolean      NOT NULL DEFAULT false,
    version            bigint       NOT NULL DEFAULT 0,
    created_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT exercise_scope_tenant CHECK ((scope = 'GLOBAL') = (tenant_id IS NULL))
);

CREATE INDEX exercise_visible ON exercise (tenant_id, retired);
CREATE INDEX exercise_primary_muscles ON exercise USING gin (primary_muscles);
