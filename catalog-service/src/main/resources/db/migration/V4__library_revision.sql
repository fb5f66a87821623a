-- A counter per library, raised in the transaction of every change to one of its exercises: '' is the global library,
-- any other key a tenant's own. A search answered from memory is still current while both its counters are unchanged.
CREATE TABLE library_revision (
    tenant_id  text    PRIMARY KEY,
    revision   bigint  NOT NULL
);
