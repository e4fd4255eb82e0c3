-- The same roles the local stack creates (LocalPostgres): schema owner, application role, Keycloak.
CREATE ROLE proxima_owner LOGIN PASSWORD 'proxima-owner';
CREATE ROLE proxima_app LOGIN PASSWORD 'proxima-app';
CREATE ROLE keycloak LOGIN PASSWORD 'keycloak';
CREATE DATABASE proxima OWNER proxima_owner;
CREATE DATABASE keycloak OWNER keycloak;
GRANT CONNECT ON DATABASE proxima TO proxima_app;
-- Let full-text and array containment use their GIN indexes under row-level security (see
-- LocalPostgres.markSearchOperatorsLeakproof): built-in functions, so once per database.
\connect proxima
ALTER FUNCTION ts_match_vq(tsvector, tsquery) LEAKPROOF;
ALTER FUNCTION arraycontains(anyarray, anyarray) LEAKPROOF;
