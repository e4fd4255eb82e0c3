-- Tenant API keys. The secret is shown once and only its SHA-256 is kept: it is 32 random bytes,
-- so a plain hash is as hard to reverse as the secret is to guess, and a lookup by hash is one
-- index probe. The prefix (prx_ and 8 characters) is kept in clear so people can tell keys apart.
-- A rotation keeps the previous hash valid until previous_valid_until, for a short overlap.
CREATE TABLE api_key (
    id                     uuid         PRIMARY KEY,
    tenant_id              uuid         NOT NULL REFERENCES tenant (id),
    name                   varchar(100) NOT NULL,
    prefix                 varchar(20)  NOT NULL,
    secret_sha256          char(64)     NOT NULL UNIQUE,
    previous_secret_sha256 char(64)     UNIQUE,
    previous_valid_until   timestamptz,
    scopes                 varchar(400) NOT NULL,
    created_by             varchar(255) NOT NULL,
    created_at             timestamptz  NOT NULL,
    rotated_at             timestamptz,
    revoked_at             timestamptz,
    last_used_at           timestamptz,
    version                bigint       NOT NULL DEFAULT 0,
    CHECK ((previous_secret_sha256 IS NULL) = (previous_valid_until IS NULL))
);
CREATE INDEX api_key_tenant ON api_key (tenant_id, created_at);

-- A key is looked up inside the tenant its request is addressed to: a key of another tenant is
-- simply not found, whatever the code above does.
ALTER TABLE api_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_key FORCE ROW LEVEL SECURITY;
CREATE POLICY api_key_tenant ON api_key
    USING (tenant_id = proxima_tenant()) WITH CHECK (tenant_id = proxima_tenant());

GRANT SELECT, INSERT, UPDATE ON api_key TO ${app_role};
