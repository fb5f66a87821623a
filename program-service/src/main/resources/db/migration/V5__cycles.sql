-- Programs over a cycle of weeks with the trainer's focus choices, and the session each report was judged against.
ALTER TABLE program
    ADD COLUMN weeks           smallint    NOT NULL DEFAULT 1,
    ADD COLUMN mobility_focus  varchar(32),
    ADD COLUMN arms_focus      varchar(16),
    ADD COLUMN superset_start  varchar(16);

ALTER TABLE session_report
    ADD COLUMN week           smallint,
    ADD COLUMN session_index  smallint;

-- Programs stored before cycles were one week long: their reports took the sessions of that week in turn.
UPDATE session_report AS r
SET week = 1,
    session_index = ordered.position % p.sessions_per_week + 1
FROM (SELECT tenant_id, idempotency_key,
             row_number() OVER (PARTITION BY program_id ORDER BY created_at, idempotency_key) - 1 AS position
      FROM session_report) AS ordered,
     program AS p
WHERE r.tenant_id = ordered.tenant_id AND r.idempotency_key = ordered.idempotency_key AND p.id = r.program_id;

UPDATE session_report SET week = 1, session_index = 1 WHERE week IS NULL;

ALTER TABLE session_report
    ALTER COLUMN week SET NOT NULL,
    ALTER COLUMN session_index SET NOT NULL;

CREATE INDEX session_report_by_program ON session_report (program_id, created_at DESC);
