-- The real-time core's durable state: what the Freelancer entity writes through before it
-- acknowledges anything, and what it reads back when it starts on any node.

-- Availability belongs to the freelancer, not to a tenant: one row, seen by every tenant the
-- freelancer shares with.
CREATE TABLE freelancer_availability (
    freelancer_subject varchar(255) PRIMARY KEY,
    status             varchar(16)  NOT NULL CHECK (status IN ('AVAILABLE', 'AVAILABLE_FROM', 'UNAVAILABLE')),
    available_from     date,
    days_per_week      smallint     NOT NULL CHECK (days_per_week BETWEEN 1 AND 7),
    hours_per_day      smallint     NOT NULL CHECK (hours_per_day BETWEEN 1 AND 12),
    work_style         varchar(16)  NOT NULL CHECK (work_style IN ('REMOTE', 'HYBRID', 'ON_SITE')),
    rate_min_man_yen   smallint,
    rate_max_man_yen   smallint,
    note               varchar(500),
    updated_at         timestamptz  NOT NULL,
    version            bigint       NOT NULL CHECK (version > 0),
    CHECK ((status = 'AVAILABLE_FROM') = (available_from IS NOT NULL)),
    CHECK ((rate_min_man_yen IS NULL) = (rate_max_man_yen IS NULL) AND rate_min_man_yen <= rate_max_man_yen)
);

-- One conversation per tenant and freelancer; the counters make receipts and unread counts exact.
CREATE TABLE conversation (
    tenant_id                uuid         NOT NULL REFERENCES tenant (id),
    freelancer_subject       varchar(255) NOT NULL,
    last_seq                 bigint       NOT NULL DEFAULT 0,
    freelancer_delivered_seq bigint       NOT NULL DEFAULT 0,
    freelancer_read_seq      bigint       NOT NULL DEFAULT 0,
    tenant_delivered_seq     bigint       NOT NULL DEFAULT 0,
    tenant_read_seq          bigint       NOT NULL DEFAULT 0,
    updated_at               timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, freelancer_subject)
);
CREATE INDEX conversation_freelancer ON conversation (freelancer_subject);

CREATE TABLE chat_message (
    tenant_id          uuid         NOT NULL,
    freelancer_subject varchar(255) NOT NULL,
    seq                bigint       NOT NULL CHECK (seq > 0),
    id                 uuid         NOT NULL UNIQUE,
    sender_subject     varchar(255) NOT NULL,
    sender_side        varchar(16)  NOT NULL CHECK (sender_side IN ('FREELANCER', 'TENANT')),
    client_message_id  varchar(64)  NOT NULL,
    body               text         NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
    sent_at            timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, freelancer_subject, seq),
    FOREIGN KEY (tenant_id, freelancer_subject) REFERENCES conversation (tenant_id, freelancer_subject),
    -- A client resending after a lost acknowledgement gets the stored message, not a duplicate.
    UNIQUE (tenant_id, freelancer_subject, sender_subject, client_message_id)
);

ALTER TABLE freelancer_availability ENABLE ROW LEVEL SECURITY;
ALTER TABLE freelancer_availability FORCE ROW LEVEL SECURITY;
-- The freelancer reads and writes their own; a tenant reads it only while the freelancer shares.
CREATE POLICY freelancer_availability_read ON freelancer_availability FOR SELECT
    USING (freelancer_subject = proxima_subject()
           OR proxima_platform_scope()
           OR EXISTS (SELECT 1 FROM consent c
                      WHERE c.freelancer_subject = freelancer_availability.freelancer_subject
                        AND c.tenant_id = proxima_tenant()
                        AND c.revoked_at IS NULL));
CREATE POLICY freelancer_availability_insert ON freelancer_availability FOR INSERT
    WITH CHECK (freelancer_subject = proxima_subject());
CREATE POLICY freelancer_availability_update ON freelancer_availability FOR UPDATE
    USING (freelancer_subject = proxima_subject())
    WITH CHECK (freelancer_subject = proxima_subject());

-- Both sides of a conversation see it; nobody else does.
ALTER TABLE conversation ENABLE ROW LEVEL SECURITY;
ALTER TABLE conversation FORCE ROW LEVEL SECURITY;
CREATE POLICY conversation_parties ON conversation
    USING (tenant_id = proxima_tenant() OR freelancer_subject = proxima_subject() OR proxima_platform_scope())
    WITH CHECK (tenant_id = proxima_tenant() OR freelancer_subject = proxima_subject());

ALTER TABLE chat_message ENABLE ROW LEVEL SECURITY;
ALTER TABLE chat_message FORCE ROW LEVEL SECURITY;
CREATE POLICY chat_message_read ON chat_message FOR SELECT
    USING (tenant_id = proxima_tenant() OR freelancer_subject = proxima_subject() OR proxima_platform_scope());
CREATE POLICY chat_message_append ON chat_message FOR INSERT
    WITH CHECK (tenant_id = proxima_tenant() OR freelancer_subject = proxima_subject());

GRANT SELECT, INSERT, UPDATE ON freelancer_availability TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON conversation TO ${app_role};
-- Messages are never edited or deleted by the application.
GRANT SELECT, INSERT ON chat_message TO ${app_role};
