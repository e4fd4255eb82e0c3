-- An agency invites a freelancer by mail into its talent pool. The link is one-time (only its
-- SHA-256 is kept) and expires; accepting it is the freelancer's consent to share with the tenant
-- (a consent row, made by the freelancer's own request), declining or expiry shares nothing.
-- "Expired" is not stored: it is a pending invitation whose expires_at has passed.
CREATE TABLE talent_invitation (
    id             uuid PRIMARY KEY,
    tenant_id      uuid         NOT NULL REFERENCES tenant (id),
    email          varchar(320) NOT NULL,
    family_name    varchar(100),
    given_name     varchar(100),
    language       varchar(2)   NOT NULL,
    status         varchar(16)  NOT NULL,
    token_hash     text,
    expires_at     timestamptz  NOT NULL,
    invited_by     varchar(255) NOT NULL,
    invited_at     timestamptz  NOT NULL,
    mailed_at      timestamptz,
    answered_at    timestamptz,
    answered_by    varchar(255),
    version        bigint       NOT NULL DEFAULT 0,
    CONSTRAINT talent_invitation_language CHECK (language IN ('ja', 'en')),
    CONSTRAINT talent_invitation_status
        CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'REVOKED')),
    -- A link works only while the invitation is pending.
    CONSTRAINT talent_invitation_token CHECK ((token_hash IS NULL) = (status <> 'PENDING'))
);
CREATE UNIQUE INDEX talent_invitation_token_hash ON talent_invitation (token_hash)
    WHERE token_hash IS NOT NULL;
-- One pending invitation per address and tenant: inviting again resends.
CREATE UNIQUE INDEX talent_invitation_pending
    ON talent_invitation (tenant_id, lower(email)) WHERE status = 'PENDING';
CREATE INDEX talent_invitation_tenant ON talent_invitation (tenant_id, invited_at DESC);

-- The tenant's own invitations only. The invitee answers through the tenant's path, so the row is
-- in reach there and nowhere else: a link of one tenant presented to another finds nothing.
ALTER TABLE talent_invitation ENABLE ROW LEVEL SECURITY;
ALTER TABLE talent_invitation FORCE ROW LEVEL SECURITY;
CREATE POLICY talent_invitation_isolation ON talent_invitation
    USING (tenant_id = proxima_tenant() OR proxima_platform_scope())
    WITH CHECK (tenant_id = proxima_tenant() OR proxima_platform_scope());

GRANT SELECT, INSERT, UPDATE ON talent_invitation TO ${app_role};
