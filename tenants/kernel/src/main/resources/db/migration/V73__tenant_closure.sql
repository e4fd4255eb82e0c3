-- A tenant's deletion after its retention period (issue 23). The platform closes a tenant (its
-- people can no longer sign in or be reached, like a suspension); after the retention period
-- (proxima.tenants.retention-days, 90 by default) a cluster-once schedule erases the personal data
-- the tenant held. What the law makes it keep (issued invoices, signed contracts: 電子帳簿保存法, 7
-- years) stays with the fields that make it a record; consents with it end and are logged;
-- freelancers keep their accounts, profiles and everything else that is theirs.

ALTER TABLE tenant DROP CONSTRAINT tenant_status_check;
ALTER TABLE tenant ADD CONSTRAINT tenant_status_check
    CHECK (status IN ('ACTIVE', 'SUSPENDED', 'CLOSED'));
ALTER TABLE tenant
    ADD COLUMN closed_at               timestamptz,
    -- when the schedule erased its personal data; a closed tenant stays as a tombstone (its id is
    -- what kept invoices, contracts, the audit chain and consent logs name)
    ADD COLUMN personal_data_erased_at timestamptz,
    ADD CONSTRAINT tenant_closed_when CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL));

-- The owner may change these tables' rows while the erasure flag is on, like V71's; membership,
-- api_key, webhook_endpoint and webhook_attempt were never part of a freelancer's erasure.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['membership', 'api_key', 'webhook_endpoint', 'webhook_attempt']
    LOOP
        EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO CURRENT_USER'
                       || ' USING (proxima_erasing()) WITH CHECK (proxima_erasing())',
                       t || '_erasure', t);
    END LOOP;
END
$$;

-- Erases the personal data a closed tenant held, in one transaction; the platform calls it (its
-- own scope) once the tenant has been closed for the retention period. Returns how many consents
-- it ended. Idempotent: a second call finds nothing left.
CREATE FUNCTION erase_tenant(p_tenant uuid) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
DECLARE
    v_ended integer;
BEGIN
    IF NOT proxima_platform_scope() THEN
        RAISE EXCEPTION 'only the platform may erase a tenant'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM tenant WHERE id = p_tenant AND status = 'CLOSED') THEN
        RAISE EXCEPTION 'tenant % is not closed', p_tenant USING ERRCODE = 'check_violation';
    END IF;
    PERFORM set_config('proxima.erasure', 'on', true);

    -- Consents end and are logged (the freelancers' own record); the rows stay as their history.
    INSERT INTO consent_event (id, occurred_at, tenant_id, freelancer_subject, consent_id, kind,
                               shared_items, purpose)
         SELECT gen_random_uuid(), now(), tenant_id, freelancer_subject, id,
                'ENDED_BY_TENANT_DELETION', shared_items, purpose
           FROM consent WHERE tenant_id = p_tenant AND revoked_at IS NULL;
    GET DIAGNOSTICS v_ended = ROW_COUNT;
    UPDATE consent SET revoked_at = now(), version = version + 1
     WHERE tenant_id = p_tenant AND revoked_at IS NULL;
    DELETE FROM candidate_card WHERE tenant_id = p_tenant;

    -- What the tenant held about people: its staff, invitees, conversations, scouts, applications,
    -- notes, the staff's views of profiles, notifications, webhooks and keys.
    DELETE FROM talent_invitation WHERE tenant_id = p_tenant;
    DELETE FROM scout WHERE tenant_id = p_tenant;
    DELETE FROM chat_message WHERE tenant_id = p_tenant;
    DELETE FROM conversation WHERE tenant_id = p_tenant;
    DELETE FROM interview_proposal WHERE tenant_id = p_tenant;
    DELETE FROM job_application_note WHERE tenant_id = p_tenant;
    DELETE FROM job_application_step WHERE tenant_id = p_tenant;
    DELETE FROM job_application WHERE tenant_id = p_tenant;
    DELETE FROM profile_view WHERE tenant_id = p_tenant;
    DELETE FROM notification_mail WHERE tenant_id = p_tenant;
    DELETE FROM notification WHERE tenant_id = p_tenant;
    DELETE FROM webhook_delivery WHERE tenant_id = p_tenant;
    DELETE FROM webhook_event WHERE tenant_id = p_tenant;
    DELETE FROM webhook_endpoint WHERE tenant_id = p_tenant;
    DELETE FROM api_key WHERE tenant_id = p_tenant;
    DELETE FROM membership WHERE tenant_id = p_tenant;

    -- Kept as records: issued invoices (never changed: invoice_final) and contracts with their
    -- fixed document, SHA-256 and signatures; the free text people wrote on time reports goes.
    UPDATE time_report SET note = NULL WHERE tenant_id = p_tenant AND note IS NOT NULL;

    UPDATE tenant SET personal_data_erased_at = now(), version = version + 1 WHERE id = p_tenant;
    INSERT INTO audit_event (occurred_at, actor_subject, action, tenant_id, target, details)
         VALUES (now(), NULL, 'tenant.personal-data-erased', p_tenant, p_tenant::text,
                 'closed tenant erased after its retention period: ' || v_ended
                 || ' consent(s) ended; issued invoices and signed contracts kept');

    PERFORM set_config('proxima.erasure', 'off', true);
    RETURN v_ended;
END
$$;

REVOKE EXECUTE ON FUNCTION erase_tenant(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION erase_tenant(uuid) TO ${app_role};
