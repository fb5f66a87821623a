-- A member's standing kept per exercise, so that a batch reads and rewrites only the exercises its sessions touched:
-- per exercise its recent history (the last two progression points and the records, as compact JSON, in the form
-- the standing column held it) and its part of the member's progress, rendered as published (null without a loaded
-- working set). member_progress keeps the revision of the member's progress.
CREATE TABLE exercise_standing (
    tenant_id    varchar(64)  NOT NULL,
    member_id    varchar(64)  NOT NULL,
    exercise_id  varchar(100) NOT NULL,
    history      text         NOT NULL,
    progress     text,
    PRIMARY KEY (tenant_id, member_id, exercise_id)
) WITH (fillfactor = 80);

INSERT INTO exercise_standing (tenant_id, member_id, exercise_id, history)
SELECT p.tenant_id, p.member_id, e.key, e.value::text
FROM member_progress p, jsonb_each(p.standing -> 'exercises') AS e;

ALTER TABLE member_progress DROP COLUMN standing;

-- The histories carried over lack their rendered progress: recording an older figures version has the start-up
-- recompute (FigureUpgrade) rebuild every standing, rendering it.
UPDATE figures_version SET version = 1
WHERE EXISTS (SELECT 1 FROM exercise_standing) AND version > 1;

-- Progress is marked changed in the outbox (payload null) and rendered when relayed, one mark per member at most.
ALTER TABLE outbox_event ALTER COLUMN payload DROP NOT NULL;
UPDATE outbox_event SET payload = NULL WHERE topic = 'training.member-progress';
DROP INDEX outbox_event_by_key;
CREATE UNIQUE INDEX outbox_event_marked ON outbox_event (topic, message_key) WHERE payload IS NULL;
