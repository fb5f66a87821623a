-- The version of the rules the stored weekly aggregates were computed under (one row). A release whose
-- WeekAggregate.FIGURES_VERSION is newer recomputes them from training_session at start-up (FigureUpgrade) and
-- records its version here. Aggregates stored before this table existed follow version 1.
CREATE TABLE figures_version (
    id          boolean     PRIMARY KEY DEFAULT true CHECK (id),
    version     integer     NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

INSERT INTO figures_version (version) VALUES (1);
