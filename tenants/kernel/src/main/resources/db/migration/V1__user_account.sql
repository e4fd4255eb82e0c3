-- People as Keycloak knows them, recorded the first time they call the platform.
-- Not tenant-owned: one person can belong to many tenants (memberships come later).
CREATE TABLE user_account (
    id               uuid PRIMARY KEY,
    keycloak_subject varchar(255) NOT NULL,
    username         varchar(255) NOT NULL,
    email            varchar(320),
    display_name     varchar(255),
    first_seen_at    timestamptz  NOT NULL,
    last_seen_at     timestamptz  NOT NULL,
    version          bigint       NOT NULL DEFAULT 0,
    CONSTRAINT user_account_subject_unique UNIQUE (keycloak_subject)
);

-- The application role reads and writes accounts but never deletes them or changes the schema.
GRANT SELECT, INSERT, UPDATE ON user_account TO ${app_role};
