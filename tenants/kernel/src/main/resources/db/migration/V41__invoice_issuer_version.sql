-- The issuer settings are edited from the console and the portal: each save now checks the version
-- it read, so two admins saving at once cannot silently overwrite each other.
ALTER TABLE invoice_issuer ADD COLUMN version bigint NOT NULL DEFAULT 1;
