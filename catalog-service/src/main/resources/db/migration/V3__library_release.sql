-- Which release's global library the stored one is: a release older than that leaves the library alone, so an older
-- replica restarted during a rolling update never retires the newer release's exercises.
CREATE TABLE library_release (
    id         smallint    PRIMARY KEY CHECK (id = 1),
    release    integer     NOT NULL,
    synced_at  timestamptz NOT NULL
);
