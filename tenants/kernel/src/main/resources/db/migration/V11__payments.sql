-- Payments of issued invoices: card payments through the provider and bank transfers found on
-- imported statements. Money that arrived is never changed or removed.

CREATE TABLE payment (
    id          uuid          PRIMARY KEY,
    tenant_id   uuid          NOT NULL REFERENCES tenant (id),
    invoice_id  uuid          NOT NULL REFERENCES invoice (id),
    method      varchar(16)   NOT NULL CHECK (method IN ('CARD', 'BANK_TRANSFER')),
    -- The provider's id: a PaymentIntent id, or a statement credit's fingerprint.
    reference   varchar(255)  NOT NULL,
    amount_yen  bigint        NOT NULL CHECK (amount_yen > 0),
    status      varchar(12)   NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    payer_name  varchar(500),
    received_on date,
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL,
    -- One provider reference pays once: a redelivered event or a re-imported statement cannot
    -- pay the invoice (or another one) a second time.
    UNIQUE (tenant_id, method, reference)
);
CREATE INDEX payment_invoice ON payment (tenant_id, invoice_id);

CREATE FUNCTION payment_received_is_final() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'a payment is never deleted';
    END IF;
    IF OLD.status = 'SUCCEEDED'
        AND (NEW.status <> 'SUCCEEDED' OR NEW.amount_yen <> OLD.amount_yen
             OR NEW.invoice_id <> OLD.invoice_id) THEN
        RAISE EXCEPTION 'money that arrived stays arrived';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER payment_received_final BEFORE UPDATE OR DELETE ON payment
    FOR EACH ROW EXECUTE FUNCTION payment_received_is_final();

-- Provider events already applied. Providers deliver at least once; the primary key makes the
-- second delivery a no-op, also when two deliveries race.
CREATE TABLE payment_event (
    provider     varchar(32)   NOT NULL,
    event_id     varchar(255)  NOT NULL,
    tenant_id    uuid          NOT NULL REFERENCES tenant (id),
    type         varchar(100)  NOT NULL,
    processed_at timestamptz   NOT NULL,
    PRIMARY KEY (provider, event_id)
);

CREATE TABLE bank_statement (
    id          uuid          PRIMARY KEY,
    tenant_id   uuid          NOT NULL REFERENCES tenant (id),
    charset     varchar(32)   NOT NULL,
    imported_by varchar(255)  NOT NULL,
    imported_at timestamptz   NOT NULL
);

CREATE TABLE bank_statement_entry (
    id                 uuid          PRIMARY KEY,
    tenant_id          uuid          NOT NULL REFERENCES tenant (id),
    statement_id       uuid          NOT NULL REFERENCES bank_statement (id),
    line_number        integer       NOT NULL,
    booked_on          date          NOT NULL,
    payer_name         varchar(500)  NOT NULL,
    amount_yen         bigint        NOT NULL CHECK (amount_yen > 0),
    memo               varchar(500)  NOT NULL,
    reference          varchar(255)  NOT NULL,
    outcome            varchar(20)   NOT NULL CHECK (outcome IN
                           ('MATCHED', 'PARTIAL', 'OVERPAID', 'SUGGESTED', 'UNMATCHED',
                            'ALREADY_IMPORTED')),
    invoice_id         uuid          REFERENCES invoice (id),
    invoice_number     varchar(20),
    outstanding_before bigint        NOT NULL,
    reason             varchar(500)  NOT NULL,
    payment_id         uuid          REFERENCES payment (id),
    confirmed_by       varchar(255),
    confirmed_at       timestamptz,
    CHECK ((confirmed_at IS NULL) = (confirmed_by IS NULL)),
    CHECK (confirmed_at IS NULL OR outcome = 'SUGGESTED')
);
CREATE INDEX bank_statement_entry_statement ON bank_statement_entry (statement_id, line_number);

ALTER TABLE payment ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment FORCE ROW LEVEL SECURITY;
CREATE POLICY payment_tenant ON payment
    USING (tenant_id = proxima_tenant() OR proxima_platform_scope())
    WITH CHECK (tenant_id = proxima_tenant());
ALTER TABLE payment_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_event FORCE ROW LEVEL SECURITY;
CREATE POLICY payment_event_tenant ON payment_event
    USING (tenant_id = proxima_tenant() OR proxima_platform_scope())
    WITH CHECK (tenant_id = proxima_tenant());
ALTER TABLE bank_statement ENABLE ROW LEVEL SECURITY;
ALTER TABLE bank_statement FORCE ROW LEVEL SECURITY;
CREATE POLICY bank_statement_tenant ON bank_statement
    USING (tenant_id = proxima_tenant() OR proxima_platform_scope())
    WITH CHECK (tenant_id = proxima_tenant());
ALTER TABLE bank_statement_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE bank_statement_entry FORCE ROW LEVEL SECURITY;
CREATE POLICY bank_statement_entry_tenant ON bank_statement_entry
    USING (tenant_id = proxima_tenant() OR proxima_platform_scope())
    WITH CHECK (tenant_id = proxima_tenant());

GRANT SELECT, INSERT, UPDATE ON payment TO ${app_role};
GRANT SELECT, INSERT ON payment_event TO ${app_role};
GRANT SELECT, INSERT ON bank_statement TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON bank_statement_entry TO ${app_role};
