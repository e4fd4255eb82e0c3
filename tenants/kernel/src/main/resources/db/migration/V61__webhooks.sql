-- Outbound webhooks: the tenant's receivers, the outbox of events, one delivery per receiver and
-- event, and every attempt of it for the delivery log.

CREATE TABLE webhook_endpoint (
    id                   uuid          PRIMARY KEY,
    tenant_id            uuid          NOT NULL REFERENCES tenant (id),
    url                  varchar(2000) NOT NULL,
    -- Kept readable: every delivery is signed with it.
    secret               varchar(100)  NOT NULL,
    event_types          varchar(400)  NOT NULL,
    active               boolean       NOT NULL,
    consecutive_failures integer       NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
    disabled_at          timestamptz,
    disabled_reason      varchar(500),
    created_by           varchar(255)  NOT NULL,
    created_at           timestamptz   NOT NULL,
    version              bigint        NOT NULL DEFAULT 0
);
CREATE INDEX webhook_endpoint_tenant ON webhook_endpoint (tenant_id, created_at);

-- The outbox: written in the transaction of the change it reports, whoever made it (a freelancer
-- applying, staff moving an application, a payment provider's callback), so any transaction may
-- add a row for the tenant the business code named; only that tenant, and the worker, read it.
CREATE TABLE webhook_event (
    id          uuid         PRIMARY KEY,
    tenant_id   uuid         NOT NULL REFERENCES tenant (id),
    type        varchar(60)  NOT NULL,
    subject_id  uuid,
    data        text         NOT NULL,
    occurred_at timestamptz  NOT NULL,
    recorded_at timestamptz  NOT NULL,
    dispatched  boolean      NOT NULL DEFAULT false
);
CREATE INDEX webhook_event_undispatched ON webhook_event (recorded_at) WHERE NOT dispatched;

CREATE TABLE webhook_delivery (
    id               uuid          PRIMARY KEY,
    tenant_id        uuid          NOT NULL REFERENCES tenant (id),
    endpoint_id      uuid          NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_id         uuid          NOT NULL REFERENCES webhook_event (id),
    event_type       varchar(60)   NOT NULL,
    payload          text          NOT NULL,
    status           varchar(10)   NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer       NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  timestamptz,
    leased_until     timestamptz,
    last_status_code integer,
    last_latency_ms  integer,
    last_error       varchar(500),
    created_at       timestamptz   NOT NULL,
    delivered_at     timestamptz,
    version          bigint        NOT NULL DEFAULT 0,
    CHECK (status <> 'PENDING' OR next_attempt_at IS NOT NULL)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_log ON webhook_delivery (endpoint_id, created_at DESC);

CREATE TABLE webhook_attempt (
    id           uuid         PRIMARY KEY,
    tenant_id    uuid         NOT NULL REFERENCES tenant (id),
    delivery_id  uuid         NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempted_at timestamptz  NOT NULL,
    status_code  integer,
    latency_ms   integer      NOT NULL,
    error        varchar(500)
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, attempted_at);

ALTER TABLE webhook_endpoint ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_endpoint FORCE ROW LEVEL SECURITY;
-- The delivery worker looks across tenants for what is due, and only at active endpoints.
CREATE POLICY webhook_endpoint_tenant ON webhook_endpoint
    USING (tenant_id = proxima_tenant() OR proxima_platform_scope()) WITH CHECK (tenant_id = proxima_tenant());

ALTER TABLE webhook_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_event FORCE ROW LEVEL SECURITY;
CREATE POLICY webhook_event_tenant ON webhook_event
    USING (tenant_id = proxima_tenant() OR proxima_platform_scope())
    WITH CHECK (tenant_id = proxima_tenant() OR proxima_platform_scope());
CREATE POLICY webhook_event_enqueue ON webhook_event FOR INSERT WITH CHECK (true);

ALTER TABLE webhook_delivery ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_delivery FORCE ROW LEVEL SECURITY;
CREATE POLICY webhook_delivery_tenant ON webhook_delivery
    USING (tenant_id = proxima_tenant() OR proxima_platform_scope())
    WITH CHECK (tenant_id = proxima_tenant());

ALTER TABLE webhook_attempt ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_attempt FORCE ROW LEVEL SECURITY;
CREATE POLICY webhook_attempt_tenant ON webhook_attempt
    USING (tenant_id = proxima_tenant()) WITH CHECK (tenant_id = proxima_tenant());

GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_endpoint TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON webhook_event TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON webhook_delivery TO ${app_role};
GRANT SELECT, INSERT ON webhook_attempt TO ${app_role};
