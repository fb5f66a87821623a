-- Members' erasures: the audit row keeps no member id, only an HMAC-SHA256 of tenantId/memberId keyed with the
-- configured secret (backbone.logging.erasure.salt), when and by whom it was asked, and when every service had
-- confirmed (completed_at, null while pending). One pending erasure per member at most.
CREATE TABLE member_erasure (
    id            uuid         PRIMARY KEY,
    tenant_id     varchar(64)  NOT NULL,
    member_hash   varchar(64)  NOT NULL,
    requested_at  timestamptz  NOT NULL,
    requested_by  varchar(200) NOT NULL,
    completed_at  timestamptz
);

CREATE INDEX member_erasure_by_member ON member_erasure (tenant_id, member_hash, requested_at DESC);
CREATE UNIQUE INDEX member_erasure_pending ON member_erasure (tenant_id, member_hash) WHERE completed_at IS NULL;

-- Each service that is to erase the member, with when it confirmed (null while pending).
CREATE TABLE member_erasure_service (
    erasure_id    uuid         NOT NULL REFERENCES member_erasure (id),
    service       varchar(100) NOT NULL,
    confirmed_at  timestamptz,
    PRIMARY KEY (erasure_id, service)
);
