-- One data key per owner of personal data (a freelancer, a tenant), stored only wrapped by a master
-- key that lives outside the database (a key file, a key management service): a dump or a backup of
-- this database opens nothing by itself. Deleting an owner's row is how their sealed data is erased.
-- No row-level security: staff of a tenant a freelancer shares with open that freelancer's sealed
-- fields too; the vault alone reads this table, and the wrapped bytes are useless without the
-- master key.
CREATE TABLE data_key (
    owner         varchar(300) PRIMARY KEY,
    master_key_id varchar(100) NOT NULL,
    wrapped       bytea        NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    rewrapped_at  timestamptz
);

CREATE INDEX data_key_master_key ON data_key (master_key_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON data_key TO ${app_role};
