-- Tenants, company workspaces, memberships, freelancer consent and the audit log.
--
-- Isolation has two guards: Hibernate's @TenantId in the code, and row-level security here.
-- Every transaction of the application role sets, with set_config(..., true):
--   app.tenant_id  the tenant the request was resolved to (empty: none)
--   app.subject    the caller's Keycloak subject (empty: anonymous)
--   app.scope      'tenant' for portal requests, 'platform' for the tenant console
-- FORCE makes the policies bind the table owner too; only superusers bypass them.

CREATE FUNCTION proxima_tenant() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE FUNCTION proxima_subject() RETURNS text LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.subject', true), '') $$;

CREATE FUNCTION proxima_platform_scope() RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('app.scope', true), '') = 'platform' $$;

-- The tenant directory: read at the edge before any tenant is known, so it has no RLS.
CREATE TABLE tenant (
    id                       uuid PRIMARY KEY,
    slug                     varchar(40)  NOT NULL,
    type                     varchar(16)  NOT NULL CHECK (type IN ('AGENCY', 'COMPANY')),
    status                   varchar(16)  NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    plan                     varchar(32)  NOT NULL,
    display_name             varchar(120) NOT NULL,
    logo_url                 varchar(2048),
    primary_color            char(7)      NOT NULL,
    accent_color             char(7)      NOT NULL,
    mfa_required             boolean      NOT NULL DEFAULT false,
    keycloak_organization_id varchar(64),
    keycloak_client_id       varchar(255),
    keycloak_client_uuid     varchar(64),
    created_at               timestamptz  NOT NULL,
    status_changed_at        timestamptz  NOT NULL,
    version                  bigint       NOT NULL DEFAULT 0,
    CONSTRAINT tenant_slug_unique UNIQUE (slug)
);

CREATE TABLE tenant_host (
    host      varchar(253) PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE
);
CREATE INDEX tenant_host_tenant ON tenant_host (tenant_id);

CREATE TABLE company_workspace (
    id         uuid PRIMARY KEY,
    tenant_id  uuid         NOT NULL REFERENCES tenant (id),
    name       varchar(120) NOT NULL,
    created_at timestamptz  NOT NULL,
    version    bigint       NOT NULL DEFAULT 0,
    CONSTRAINT company_workspace_name_unique UNIQUE (tenant_id, name)
);

-- A person's role in a tenant. Keyed by the Keycloak subject so an invitee is a member before
-- their first sign-in creates their user_account.
CREATE TABLE membership (
    id             uuid PRIMARY KEY,
    tenant_id      uuid         NOT NULL REFERENCES tenant (id),
    member_subject varchar(255) NOT NULL,
    email          varchar(320) NOT NULL,
    display_name   varchar(255),
    role           varchar(32)  NOT NULL,
    workspace_id   uuid REFERENCES company_workspace (id),
    created_at     timestamptz  NOT NULL,
    version        bigint       NOT NULL DEFAULT 0,
    CONSTRAINT membership_unique UNIQUE (tenant_id, member_subject)
);
CREATE INDEX membership_subject ON membership (member_subject);

-- A freelancer's consent to be seen by a tenant. Revoking keeps the row (revoked_at) as history.
CREATE TABLE consent (
    id                 uuid PRIMARY KEY,
    tenant_id          uuid         NOT NULL REFERENCES tenant (id),
    freelancer_subject varchar(255) NOT NULL,
    granted_at         timestamptz  NOT NULL,
    revoked_at         timestamptz,
    version            bigint       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX consent_active_unique ON consent (tenant_id, freelancer_subject) WHERE revoked_at IS NULL;
CREATE INDEX consent_subject ON consent (freelancer_subject);

-- Who did what, when, from where. Append-only: no UPDATE or DELETE for anyone.
CREATE TABLE audit_event (
    id            bigserial PRIMARY KEY,
    occurred_at   timestamptz  NOT NULL,
    actor_subject varchar(255),
    actor_name    varchar(255),
    action        varchar(64)  NOT NULL,
    tenant_id     uuid,
    target        varchar(255),
    source_ip     varchar(64),
    request_id    varchar(64),
    details       text
);
CREATE INDEX audit_event_time ON audit_event (occurred_at DESC);
CREATE INDEX audit_event_tenant ON audit_event (tenant_id, occurred_at DESC);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- Row-level security.
ALTER TABLE company_workspace ENABLE ROW LEVEL SECURITY;
ALTER TABLE company_workspace FORCE ROW LEVEL SECURITY;
CREATE POLICY company_workspace_isolation ON company_workspace
    USING (tenant_id = proxima_tenant() OR proxima_platform_scope())
    WITH CHECK (tenant_id = proxima_tenant() OR proxima_platform_scope());

ALTER TABLE membership ENABLE ROW LEVEL SECURITY;
ALTER TABLE membership FORCE ROW LEVEL SECURITY;
-- People see their own memberships in every tenant ("my tenants"); tenants see only theirs.
CREATE POLICY membership_isolation ON membership
    USING (tenant_id = proxima_tenant() OR member_subject = proxima_subject() OR proxima_platform_scope())
    WITH CHECK (tenant_id = proxima_tenant() OR proxima_platform_scope());

ALTER TABLE consent ENABLE ROW LEVEL SECURITY;
ALTER TABLE consent FORCE ROW LEVEL SECURITY;
-- A tenant sees the consents given to it; a freelancer sees and changes only their own.
CREATE POLICY consent_read ON consent FOR SELECT
    USING (tenant_id = proxima_tenant() OR freelancer_subject = proxima_subject() OR proxima_platform_scope());
CREATE POLICY consent_write ON consent FOR INSERT
    WITH CHECK (freelancer_subject = proxima_subject());
CREATE POLICY consent_update ON consent FOR UPDATE
    USING (freelancer_subject = proxima_subject())
    WITH CHECK (freelancer_subject = proxima_subject());

ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
-- People see their own actions too: a freelancer's consent is audited under the tenant it concerns,
-- and INSERT … RETURNING needs the new row to be readable by whoever wrote it.
CREATE POLICY audit_event_read ON audit_event FOR SELECT
    USING (proxima_platform_scope()
           OR (tenant_id IS NOT NULL AND tenant_id = proxima_tenant())
           OR (actor_subject IS NOT NULL AND actor_subject = proxima_subject()));
CREATE POLICY audit_event_append ON audit_event FOR INSERT WITH CHECK (true);

GRANT SELECT, INSERT, UPDATE ON tenant TO ${app_role};
GRANT SELECT, INSERT, DELETE ON tenant_host TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON company_workspace TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON membership TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON consent TO ${app_role};
GRANT SELECT, INSERT ON audit_event TO ${app_role};
GRANT USAGE ON SEQUENCE audit_event_id_seq TO ${app_role};
