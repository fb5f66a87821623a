-- What the program was built from, and the generated plan (sessions, blocks, prescriptions, substitutions, notes).
ALTER TABLE program
    ADD COLUMN weak_point        varchar(16),
    ADD COLUMN equipment         text[],
    ADD COLUMN conditions        text[]   NOT NULL DEFAULT '{}',
    ADD COLUMN sessions_per_week smallint NOT NULL DEFAULT 1,
    ADD COLUMN include_superset  boolean  NOT NULL DEFAULT false,
    ADD COLUMN include_arms      boolean  NOT NULL DEFAULT false,
    ADD COLUMN plan              jsonb;
