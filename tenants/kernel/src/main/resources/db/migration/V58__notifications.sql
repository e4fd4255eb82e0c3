-- Notifications: what the platform tells a person that happened in a tenant's business (a scout,
-- messages, a contract to sign...). Rows are written by the transaction that made the thing
-- happen, so they commit or roll back with it. They belong to their recipient, not to the tenant:
-- a freelancer sees theirs from every tenant, a staff member only their own.

-- The in-app centre. Messages are batched: while a conversation's notification is unread, new
-- messages count up on it (batch_key) instead of adding one row each.
CREATE TABLE notification (
    id                uuid          PRIMARY KEY,
    tenant_id         uuid          NOT NULL REFERENCES tenant (id),
    recipient_subject varchar(255)  NOT NULL,
    kind              varchar(40)   NOT NULL,
    -- Addressed to the person as the tenant's staff: its link opens in the tenant's portal.
    staff             boolean       NOT NULL,
    subject_id        uuid,
    data              jsonb         NOT NULL DEFAULT '{}',
    items             integer       NOT NULL DEFAULT 1 CHECK (items >= 1),
    batch_key         varchar(300),
    -- The subject whose transaction wrote the row (the row-level security below admits it).
    written_by        varchar(255),
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    read_at           timestamptz
);
CREATE INDEX notification_recipient ON notification (recipient_subject, updated_at DESC, id);
CREATE INDEX notification_unread ON notification (recipient_subject) WHERE read_at IS NULL;
CREATE UNIQUE INDEX notification_open_batch ON notification (recipient_subject, batch_key)
    WHERE read_at IS NULL AND batch_key IS NOT NULL;

-- The mail outbox: one row per recipient and mail, delivered by a worker after the commit, with
-- retries. A batched row stays open for more items until its first attempt (attempts = 0).
CREATE TABLE notification_mail (
    id                uuid          PRIMARY KEY,
    tenant_id         uuid          NOT NULL REFERENCES tenant (id),
    recipient_subject varchar(255)  NOT NULL,
    kind              varchar(40)   NOT NULL,
    staff             boolean       NOT NULL,
    subject_id        uuid,
    data              jsonb         NOT NULL DEFAULT '{}',
    items             integer       NOT NULL DEFAULT 1 CHECK (items >= 1),
    batch_key         varchar(300),
    written_by        varchar(255),
    status            varchar(10)   NOT NULL DEFAULT 'PENDING'
        CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    created_at        timestamptz   NOT NULL,
    attempts          integer       NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at   timestamptz,
    last_error        varchar(500),
    sent_at           timestamptz,
    CHECK (status <> 'PENDING' OR next_attempt_at IS NOT NULL),
    CHECK (status <> 'SENT' OR sent_at IS NOT NULL)
);
CREATE INDEX notification_mail_due ON notification_mail (next_attempt_at) WHERE status = 'PENDING';
CREATE UNIQUE INDEX notification_mail_open_batch ON notification_mail (recipient_subject, batch_key)
    WHERE status = 'PENDING' AND attempts = 0 AND batch_key IS NOT NULL;

-- A person's choices: which kinds on which channel (absent: the kind's default), the language of
-- their mail, and the key their unsubscribe links are signed with (rotated, every link dies).
CREATE TABLE notification_settings (
    subject          varchar(255) PRIMARY KEY,
    language         varchar(2)   NOT NULL DEFAULT 'ja' CHECK (language IN ('ja', 'en')),
    channels         jsonb        NOT NULL DEFAULT '{}',
    unsubscribe_key  bytea        NOT NULL CHECK (octet_length(unsubscribe_key) = 32),
    updated_at       timestamptz  NOT NULL,
    version          bigint       NOT NULL DEFAULT 0
);

-- Whom "the tenant's staff" are when someone outside the tenant's scope writes to them: a
-- freelancer's message is stored in the freelancer's own scope, which cannot read memberships.
-- Only for the tenant the caller works in, or shares with.
CREATE FUNCTION notification_staff_of(p_tenant uuid) RETURNS SETOF varchar
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
DECLARE
    caller_scope text := current_setting('app.scope', true);
BEGIN
    IF NOT (coalesce(p_tenant = proxima_tenant(), false) OR proxima_platform_scope()
            OR EXISTS (SELECT 1 FROM consent c WHERE c.tenant_id = p_tenant
                          AND c.freelancer_subject = proxima_subject())) THEN
        RETURN;
    END IF;
    PERFORM set_config('app.scope', 'platform', true);
    RETURN QUERY SELECT m.member_subject FROM membership m
                  WHERE m.tenant_id = p_tenant AND m.status = 'ACTIVE'
                  ORDER BY m.member_subject;
    PERFORM set_config('app.scope', coalesce(caller_scope, ''), true);
END
$$;

ALTER TABLE notification ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification FORCE ROW LEVEL SECURITY;
-- Read and marked by the recipient; the writer's own scope sees what it wrote, which the batch
-- upsert needs (a freelancer's second message counts up the staff member's unread row).
CREATE POLICY notification_read ON notification FOR SELECT
    USING (recipient_subject = proxima_subject() OR written_by = proxima_subject()
           OR proxima_platform_scope());
-- Scheduled work (saved-search alerts) writes in the platform scope.
CREATE POLICY notification_write ON notification FOR INSERT
    WITH CHECK (tenant_id = proxima_tenant() OR recipient_subject = proxima_subject()
                OR written_by = proxima_subject() OR proxima_platform_scope());
CREATE POLICY notification_update ON notification FOR UPDATE
    USING (recipient_subject = proxima_subject() OR written_by = proxima_subject()
           OR proxima_platform_scope())
    WITH CHECK (recipient_subject = proxima_subject() OR written_by = proxima_subject()
                OR proxima_platform_scope());

ALTER TABLE notification_mail ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_mail FORCE ROW LEVEL SECURITY;
-- Written in the business transaction; the delivery worker works in the platform scope.
CREATE POLICY notification_mail_read ON notification_mail FOR SELECT
    USING (written_by = proxima_subject() OR proxima_platform_scope());
CREATE POLICY notification_mail_write ON notification_mail FOR INSERT
    WITH CHECK (tenant_id = proxima_tenant() OR recipient_subject = proxima_subject()
                OR written_by = proxima_subject() OR proxima_platform_scope());
CREATE POLICY notification_mail_update ON notification_mail FOR UPDATE
    USING (written_by = proxima_subject() OR proxima_platform_scope())
    WITH CHECK (written_by = proxima_subject() OR proxima_platform_scope());

ALTER TABLE notification_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_settings FORCE ROW LEVEL SECURITY;
-- The person; the platform scope for the mail worker and for unsubscribe links (no sign-in).
CREATE POLICY notification_settings_owner ON notification_settings
    USING (subject = proxima_subject() OR proxima_platform_scope())
    WITH CHECK (subject = proxima_subject() OR proxima_platform_scope());

GRANT SELECT, INSERT, UPDATE ON notification TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON notification_mail TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON notification_settings TO ${app_role};
