-- Adding someone who already has an account to a tenant is an invitation they accept: until then
-- their membership grants nothing (no tenant access, no "my tenants" entry), and declining removes it.
ALTER TABLE membership
    ADD COLUMN status varchar(16) NOT NULL DEFAULT 'ACTIVE',
    ADD COLUMN accepted_at timestamptz,
    ADD CONSTRAINT membership_status CHECK (status IN ('ACTIVE', 'INVITED'));
