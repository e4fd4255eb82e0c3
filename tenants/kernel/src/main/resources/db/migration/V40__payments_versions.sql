-- Payments and statement lines change after they are written (a card payment succeeds or fails,
-- a suggested match is confirmed): each now carries the version Hibernate checks on every update,
-- so two deliveries or two clicks racing cannot both apply.
ALTER TABLE payment ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE bank_statement_entry ADD COLUMN version bigint NOT NULL DEFAULT 1;
