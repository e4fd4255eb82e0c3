-- The envelope row becomes the e-signature outbox: it is written in the transaction that asks for
-- e-signature, and a worker calls the provider only after that commit. Until the provider answers
-- the row has no envelope id; the idempotency key (one per contract, document and request round)
-- makes a repeated call return the envelope the first one created instead of a second one.
ALTER TABLE contract_envelope ALTER COLUMN envelope_id DROP NOT NULL;
ALTER TABLE contract_envelope ALTER COLUMN sent_at DROP NOT NULL;
ALTER TABLE contract_envelope
    -- Rows from before the outbox were sent synchronously; they read as SENT.
    ADD COLUMN status                 varchar(10)  NOT NULL DEFAULT 'SENT'
        CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'COMPLETED')),
    ADD COLUMN idempotency_key        varchar(120) UNIQUE,
    ADD COLUMN request_round          integer      NOT NULL DEFAULT 1 CHECK (request_round >= 1),
    -- The hash of the document that went out, so the signed one coming back can be related to it.
    ADD COLUMN document_sha256        char(64),
    ADD COLUMN client_signer_name     varchar(200),
    ADD COLUMN client_signer_email    varchar(320),
    ADD COLUMN freelancer_signer_email varchar(320),
    ADD COLUMN requested_at           timestamptz,
    ADD COLUMN attempts               integer      NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    ADD COLUMN next_attempt_at        timestamptz,
    ADD COLUMN last_error             varchar(500),
    ADD COLUMN signed_document        bytea,
    ADD COLUMN signed_document_sha256 char(64),
    ADD COLUMN certificate            bytea,
    ADD COLUMN completed_at           timestamptz;

ALTER TABLE contract_envelope ADD CONSTRAINT contract_envelope_delivered_has_id
    CHECK (status IN ('PENDING', 'FAILED') OR envelope_id IS NOT NULL);
ALTER TABLE contract_envelope ADD CONSTRAINT contract_envelope_outbox_complete
    CHECK (status = 'SENT' OR (idempotency_key IS NOT NULL AND document_sha256 IS NOT NULL
                               AND requested_at IS NOT NULL AND client_signer_email IS NOT NULL
                               AND freelancer_signer_email IS NOT NULL));
ALTER TABLE contract_envelope ADD CONSTRAINT contract_envelope_pending_is_due
    CHECK (status <> 'PENDING' OR next_attempt_at IS NOT NULL);
-- Signatures are recorded only on a signed document and certificate stored and checked.
ALTER TABLE contract_envelope ADD CONSTRAINT contract_envelope_completed_has_documents
    CHECK (status <> 'COMPLETED' OR (signed_document IS NOT NULL AND certificate IS NOT NULL
                                     AND signed_document_sha256 IS NOT NULL
                                     AND completed_at IS NOT NULL));

-- What the delivery worker looks for on every node, a few times a minute.
CREATE INDEX contract_envelope_due ON contract_envelope (next_attempt_at) WHERE status = 'PENDING';

-- The worker claims and completes rows in the row's tenant; the policy's WITH CHECK still holds.
GRANT UPDATE ON contract_envelope TO ${app_role};
