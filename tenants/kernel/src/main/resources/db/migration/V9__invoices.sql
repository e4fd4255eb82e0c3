-- Qualified invoices (適格請求書) a tenant issues, numbered without gaps per tenant, never edited:
-- a correction is a credit note that cancels the invoice.

CREATE TABLE invoice_issuer (
    tenant_id           uuid          PRIMARY KEY REFERENCES tenant (id),
    name                varchar(200)  NOT NULL,
    registration_number char(14)      NOT NULL CHECK (registration_number ~ '^T[0-9]{13}$'),
    updated_at          timestamptz   NOT NULL
);

-- The last number each tenant issued. Taking the next one updates this row in the issuing
-- transaction: concurrent issues queue on it, and a rolled-back issue gives its number back.
CREATE TABLE invoice_sequence (
    tenant_id   uuid    PRIMARY KEY REFERENCES tenant (id),
    last_number bigint  NOT NULL CHECK (last_number > 0)
);

CREATE TABLE invoice (
    id                  uuid          PRIMARY KEY,
    tenant_id           uuid          NOT NULL REFERENCES tenant (id),
    number              bigint        NOT NULL CHECK (number > 0),
    kind                varchar(12)   NOT NULL CHECK (kind IN ('INVOICE', 'CREDIT_NOTE')),
    issuer_name         varchar(200)  NOT NULL,
    registration_number char(14)      NOT NULL,
    recipient_name      varchar(200)  NOT NULL,
    issue_date          date          NOT NULL,
    period_from         date,
    period_to           date,
    lines               jsonb         NOT NULL,
    taxable_standard    bigint        NOT NULL,
    tax_standard        bigint        NOT NULL,
    taxable_reduced     bigint        NOT NULL,
    tax_reduced         bigint        NOT NULL,
    total               bigint        NOT NULL,
    corrects            bigint,
    issued_by           varchar(255)  NOT NULL,
    issued_at           timestamptz   NOT NULL,
    UNIQUE (tenant_id, number),
    -- One credit note per invoice: a second would cancel it twice.
    UNIQUE (tenant_id, corrects),
    FOREIGN KEY (tenant_id, corrects) REFERENCES invoice (tenant_id, number),
    CHECK ((kind = 'CREDIT_NOTE') = (corrects IS NOT NULL))
);
CREATE INDEX invoice_tenant ON invoice (tenant_id, number DESC);

-- Issued means final, for the application and for anyone with SQL access alike.
CREATE FUNCTION invoice_is_final() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'an issued invoice is never changed; issue a credit note';
END
$$;
CREATE TRIGGER invoice_final BEFORE UPDATE OR DELETE ON invoice
    FOR EACH ROW EXECUTE FUNCTION invoice_is_final();

ALTER TABLE invoice_issuer ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoice_issuer FORCE ROW LEVEL SECURITY;
CREATE POLICY invoice_issuer_tenant ON invoice_issuer
    USING (tenant_id = proxima_tenant()) WITH CHECK (tenant_id = proxima_tenant());
ALTER TABLE invoice_sequence ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoice_sequence FORCE ROW LEVEL SECURITY;
CREATE POLICY invoice_sequence_tenant ON invoice_sequence
    USING (tenant_id = proxima_tenant()) WITH CHECK (tenant_id = proxima_tenant());
ALTER TABLE invoice ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoice FORCE ROW LEVEL SECURITY;
CREATE POLICY invoice_tenant ON invoice
    USING (tenant_id = proxima_tenant() OR proxima_platform_scope())
    WITH CHECK (tenant_id = proxima_tenant());

GRANT SELECT, INSERT, UPDATE ON invoice_issuer TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON invoice_sequence TO ${app_role};
GRANT SELECT, INSERT ON invoice TO ${app_role};
