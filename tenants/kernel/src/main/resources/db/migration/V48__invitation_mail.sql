-- Invitations travel by mail: a one-time link (only its SHA-256 is kept), when it expires, when
-- the mail server took the mail (null = not sent yet, so the inviter is told and can resend), in
-- which language it was written, and whether the invitation made the account, so the invitee sets
-- its first password through the link instead of through Keycloak's console.
ALTER TABLE membership
    ADD COLUMN invitation_token_hash text,
    ADD COLUMN invitation_expires_at timestamptz,
    ADD COLUMN invitation_mailed_at timestamptz,
    ADD COLUMN invitation_language text NOT NULL DEFAULT 'ja',
    ADD COLUMN invited_new_account boolean NOT NULL DEFAULT false,
    ADD COLUMN account_activated_at timestamptz,
    ADD CONSTRAINT membership_invitation_language CHECK (invitation_language IN ('ja', 'en')),
    ADD CONSTRAINT membership_invitation_token_expires
        CHECK ((invitation_token_hash IS NULL) = (invitation_expires_at IS NULL));

CREATE UNIQUE INDEX membership_invitation_token ON membership (invitation_token_hash)
    WHERE invitation_token_hash IS NOT NULL;
