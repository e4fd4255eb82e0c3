-- The identity provider's last good signing keys (its JWKS document), so that a node started while
-- Keycloak is unreachable still verifies the tokens people already hold. One row per issuer.
CREATE TABLE identity_signing_keys (
    issuer     varchar(512) PRIMARY KEY,
    jwks       text        NOT NULL,
    fetched_at timestamptz NOT NULL
);

GRANT SELECT, INSERT, UPDATE ON identity_signing_keys TO ${app_role};
