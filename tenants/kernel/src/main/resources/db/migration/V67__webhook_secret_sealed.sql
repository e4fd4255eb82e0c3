-- Webhook signing secrets are sealed with their tenant's data key (V64): a dump or a backup of this
-- database must not let anyone sign requests a tenant's systems trust. Secrets stored readable
-- before this version are sealed by the application on its next start (the keys are not SQL's to
-- use); until then a row holds exactly one of the two.
ALTER TABLE webhook_endpoint
    ADD COLUMN sealed_secret bytea,
    ALTER COLUMN secret DROP NOT NULL,
    ADD CONSTRAINT webhook_endpoint_secret_once
        CHECK ((secret IS NULL) <> (sealed_secret IS NULL));
