-- A freelancer's personal details that no search needs and a leaked dump must not show: contact
-- details (phone, postal address), date of birth, and the bank account payouts go to. Each part
-- is sealed with the freelancer's data key (V64) and bound to its column and owner; the table
-- holds no readable personal value.
--
-- The row hangs off the data key: destroying the key (account erasure, erase_freelancer) deletes
-- the row in the same statement, so no erasure function has to learn about this table, and a
-- backup restored from before the erasure cannot open it either (the key's ledger erases again).
CREATE TABLE freelancer_personal_details (
    freelancer_subject     varchar(255) PRIMARY KEY,
    key_owner              varchar(300) NOT NULL REFERENCES data_key (owner) ON DELETE CASCADE,
    sealed_contact         bytea,
    sealed_date_of_birth   bytea,
    sealed_payout_account  bytea,
    version                bigint       NOT NULL,
    updated_at             timestamptz  NOT NULL,
    CHECK (key_owner = 'freelancer:' || freelancer_subject)
);
CREATE INDEX freelancer_personal_details_key_owner ON freelancer_personal_details (key_owner);

-- The freelancer reads and writes their own. A tenant reads the row only while it has a contract
-- the freelancer signed that is running, or ended less than 90 days ago (the last payout); the
-- application opens only the payout account for it, and records every read on the freelancer's
-- 閲覧履歴 (below).
ALTER TABLE freelancer_personal_details ENABLE ROW LEVEL SECURITY;
ALTER TABLE freelancer_personal_details FORCE ROW LEVEL SECURITY;
CREATE POLICY freelancer_personal_details_owner ON freelancer_personal_details
    USING (freelancer_subject = proxima_subject())
    WITH CHECK (freelancer_subject = proxima_subject());

CREATE FUNCTION proxima_pays_freelancer(p_subject varchar) RETURNS boolean
    LANGUAGE sql STABLE AS
$$ SELECT EXISTS (SELECT 1 FROM contract c
                   WHERE c.tenant_id = proxima_tenant()
                     AND c.freelancer_subject = p_subject
                     AND (c.status = 'ACTIVE'
                          OR (c.status IN ('ENDED', 'TERMINATED')
                              AND c.updated_at > now() - interval '90 days'))) $$;

CREATE POLICY freelancer_personal_details_payer ON freelancer_personal_details FOR SELECT
    USING (proxima_tenant() IS NOT NULL AND proxima_pays_freelancer(freelancer_subject));

GRANT SELECT, INSERT, UPDATE ON freelancer_personal_details TO ${app_role};

-- The 閲覧履歴 shows each read of the payout account by a paying tenant's staff, like a look at the
-- profile; such a read needs the contract, not a consent (paying someone is part of the contract).
ALTER TABLE profile_view DROP CONSTRAINT profile_view_what_check;
ALTER TABLE profile_view ADD CONSTRAINT profile_view_what_check
    CHECK (what IN ('PROFILE', 'PDF', 'JSON', 'EXPORT', 'SHEET_ORIGINAL', 'PAYOUT_ACCOUNT'));
CREATE POLICY profile_view_record_payout ON profile_view FOR INSERT
    WITH CHECK (tenant_id = proxima_tenant()
                AND viewer_subject = proxima_subject()
                AND what = 'PAYOUT_ACCOUNT'
                AND proxima_pays_freelancer(freelancer_subject));
