-- What a Japanese invoice prints besides the legally required items: where the issuer is, and the
-- account a transfer goes to. Optional in the settings; each issued invoice keeps them as they
-- were when it was issued, so printing an old invoice again never shows a later address or account
-- (the invoice_final trigger fires on row changes, not on adding nullable columns).
ALTER TABLE invoice_issuer
    ADD COLUMN address      varchar(300),
    ADD COLUMN bank_account varchar(300);

ALTER TABLE invoice
    ADD COLUMN issuer_address      varchar(300),
    ADD COLUMN issuer_bank_account varchar(300);
