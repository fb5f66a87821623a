-- logging-service's own copy of the catalog, built from the compacted topic catalog.exercises.
CREATE TABLE catalog_exercise (
    id                 varchar(100) PRIMARY KEY,
    scope              varchar(16)  NOT NULL,
    tenant_id          varchar(64),
    version            bigint       NOT NULL,
    retired            boolean      NOT NULL,
    name               varchar(200) NOT NULL,
    category           varchar(40)  NOT NULL,
    movement_pattern   varchar(40)  NOT NULL,
    primary_muscles    text[]       NOT NULL,
    secondary_muscles  text[]       NOT NULL,
    equipment          text[]       NOT NULL,
    laterality         varchar(16)  NOT NULL,
    measure            varchar(24)  NOT NULL,
    loadable           boolean      NOT NULL,
    contraindications  text[]       NOT NULL,
    updated_at         timestamptz  NOT NULL
);

CREATE INDEX catalog_exercise_visible ON catalog_exercise (movement_pattern, tenant_id) WHERE NOT retired;
