-- Contracts between a tenant's client and a freelancer, their audit trail and signed documents,
-- and the monthly time reports invoiced under them. The staff of the tenant reach their tenant's
-- rows; a freelancer reads their own contracts in every tenant, signs them, and writes their own
-- time reports.

-- The date an invoice falls due (支払期限): from the contract's payment terms, or as the staff set it.
ALTER TABLE invoice ADD COLUMN due_date date CHECK (due_date >= issue_date);

CREATE TABLE contract (
    id                 uuid          PRIMARY KEY,
    tenant_id          uuid          NOT NULL REFERENCES tenant (id),
    freelancer_subject varchar(255)  NOT NULL,
    kind               varchar(8)    NOT NULL CHECK (kind IN ('TRIAL', 'MAIN')),
    status             varchar(24)   NOT NULL,
    terms              jsonb         NOT NULL,
    trial_of           uuid          REFERENCES contract (id),
    document_sha256    char(64),
    document           bytea,
    signatures         jsonb         NOT NULL DEFAULT '[]',
    created_at         timestamptz   NOT NULL,
    updated_at         timestamptz   NOT NULL,
    version            bigint        NOT NULL,
    -- A trial converts once.
    UNIQUE (trial_of),
    CHECK ((document IS NULL) = (document_sha256 IS NULL))
);
CREATE INDEX contract_tenant ON contract (tenant_id, updated_at DESC, id);
CREATE INDEX contract_freelancer ON contract (freelancer_subject, updated_at DESC, id);

CREATE TABLE contract_step (
    id            bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contract_id   uuid          NOT NULL REFERENCES contract (id),
    tenant_id     uuid          NOT NULL,
    freelancer_subject varchar(255) NOT NULL,
    from_status   varchar(24),
    to_status     varchar(24)   NOT NULL,
    actor_subject varchar(255)  NOT NULL,
    reason        text,
    at            timestamptz   NOT NULL
);
CREATE INDEX contract_step_contract ON contract_step (contract_id, id);

CREATE FUNCTION contract_step_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'a contract''s trail is append-only'; END $$;
CREATE TRIGGER contract_step_append_only BEFORE UPDATE OR DELETE ON contract_step
    FOR EACH ROW EXECUTE FUNCTION contract_step_is_append_only();

-- What was signed stays signed: once a document is fixed, neither it nor its hash changes.
CREATE FUNCTION contract_document_is_final() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF OLD.document_sha256 IS NOT NULL AND NEW.document_sha256 IS DISTINCT FROM OLD.document_sha256 THEN
        RAISE EXCEPTION 'a contract document sent for signature is never replaced';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER contract_document_final BEFORE UPDATE ON contract
    FOR EACH ROW EXECUTE FUNCTION contract_document_is_final();

-- An envelope sent to an e-signature provider; its callbacks arrive without a tenant and find the
-- contract through the envelope id.
CREATE TABLE contract_envelope (
    contract_id  uuid          PRIMARY KEY REFERENCES contract (id),
    tenant_id    uuid          NOT NULL REFERENCES tenant (id),
    envelope_id  varchar(100)  NOT NULL UNIQUE,
    sent_at      timestamptz   NOT NULL
);

CREATE TABLE time_report (
    id                 uuid          PRIMARY KEY,
    tenant_id          uuid          NOT NULL REFERENCES tenant (id),
    contract_id        uuid          NOT NULL REFERENCES contract (id),
    freelancer_subject varchar(255)  NOT NULL,
    month              date          NOT NULL CHECK (extract(day FROM month) = 1),
    hours              numeric(6, 2) NOT NULL CHECK (hours >= 0),
    days               jsonb         NOT NULL DEFAULT '[]',
    status             varchar(12)   NOT NULL,
    note               text,
    invoice_id         uuid          REFERENCES invoice (id),
    updated_at         timestamptz   NOT NULL,
    version            bigint        NOT NULL,
    UNIQUE (contract_id, month),
    -- A month is invoiced once.
    UNIQUE (invoice_id),
    CHECK ((status = 'INVOICED') = (invoice_id IS NOT NULL))
);

ALTER TABLE contract ENABLE ROW LEVEL SECURITY;
ALTER TABLE contract FORCE ROW LEVEL SECURITY;
CREATE POLICY contract_tenant ON contract
    USING (tenant_id = proxima_tenant() OR proxima_platform_scope())
    WITH CHECK (tenant_id = proxima_tenant());
CREATE POLICY contract_freelancer_read ON contract FOR SELECT
    USING (freelancer_subject = proxima_subject());
-- Signing is the freelancer's only write; the application checks the move itself.
CREATE POLICY contract_freelancer_sign ON contract FOR UPDATE
    USING (freelancer_subject = proxima_subject() AND status = 'AWAITING_SIGNATURES')
    WITH CHECK (freelancer_subject = proxima_subject());

ALTER TABLE contract_step ENABLE ROW LEVEL SECURITY;
ALTER TABLE contract_step FORCE ROW LEVEL SECURITY;
CREATE POLICY contract_step_tenant ON contract_step
    USING (tenant_id = proxima_tenant()) WITH CHECK (tenant_id = proxima_tenant());
CREATE POLICY contract_step_freelancer_read ON contract_step FOR SELECT
    USING (freelancer_subject = proxima_subject());
CREATE POLICY contract_step_freelancer_write ON contract_step FOR INSERT
    WITH CHECK (freelancer_subject = proxima_subject());

ALTER TABLE contract_envelope ENABLE ROW LEVEL SECURITY;
ALTER TABLE contract_envelope FORCE ROW LEVEL SECURITY;
CREATE POLICY contract_envelope_tenant ON contract_envelope
    USING (tenant_id = proxima_tenant() OR proxima_platform_scope())
    WITH CHECK (tenant_id = proxima_tenant());

ALTER TABLE time_report ENABLE ROW LEVEL SECURITY;
ALTER TABLE time_report FORCE ROW LEVEL SECURITY;
CREATE POLICY time_report_tenant ON time_report
    USING (tenant_id = proxima_tenant()) WITH CHECK (tenant_id = proxima_tenant());
CREATE POLICY time_report_freelancer_read ON time_report FOR SELECT
    USING (freelancer_subject = proxima_subject());
CREATE POLICY time_report_freelancer_write ON time_report FOR INSERT
    WITH CHECK (freelancer_subject = proxima_subject()
                AND EXISTS (SELECT 1 FROM contract c WHERE c.id = contract_id
                                                       AND c.tenant_id = time_report.tenant_id
                                                       AND c.freelancer_subject = proxima_subject()));
CREATE POLICY time_report_freelancer_update ON time_report FOR UPDATE
    USING (freelancer_subject = proxima_subject() AND status IN ('DRAFT', 'REJECTED'))
    WITH CHECK (freelancer_subject = proxima_subject() AND status IN ('DRAFT', 'SUBMITTED'));

GRANT SELECT, INSERT, UPDATE ON contract TO ${app_role};
GRANT SELECT, INSERT ON contract_step TO ${app_role};
GRANT SELECT, INSERT ON contract_envelope TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON time_report TO ${app_role};
