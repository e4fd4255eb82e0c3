-- The consent-and-purpose log (issue 23). APPI wants a person told what is shared with whom and
-- for what purpose, and a record of it. Three parts:
--   * the tenant states its purpose of use (tenant.sharing_purpose; NULL: the platform's default,
--     「案件のご紹介と契約手続きのため」), shown to the freelancer before they share;
--   * every consent keeps what it shares and the purpose as it was shown when it was given, so a
--     purpose the tenant changes later never rewrites what the person agreed to;
--   * consent_event: an append-only log of every grant, revocation and end, readable by the
--     freelancer (all of theirs) and by a tenant (only the entries about itself).

ALTER TABLE tenant ADD COLUMN sharing_purpose varchar(500);

ALTER TABLE consent
    ADD COLUMN shared_items text[],
    ADD COLUMN purpose      varchar(500),
    ADD COLUMN given_via    varchar(16) NOT NULL DEFAULT 'PORTAL'
        CHECK (given_via IN ('PORTAL', 'INVITATION'));

-- Consents from before the log shared what the sharing page listed then (the same items); no
-- purpose was stated, so none is recorded (the portal says so rather than invent one).
UPDATE consent
   SET shared_items = ARRAY['PROFILE', 'SKILL_SHEET', 'EMAIL', 'AVAILABILITY', 'MESSAGES', 'CANDIDACY'];
ALTER TABLE consent ALTER COLUMN shared_items SET NOT NULL;

CREATE TABLE consent_event (
    id                 uuid         PRIMARY KEY,
    occurred_at        timestamptz  NOT NULL,
    tenant_id          uuid         NOT NULL REFERENCES tenant (id),
    -- the freelancer's subject; 'erased:<pseudonym>' for the entry an erasure leaves the tenant
    freelancer_subject varchar(255) NOT NULL,
    -- no foreign key: an erasure deletes the consent, the tenant's entry about its end stays
    consent_id         uuid,
    kind               varchar(32)  NOT NULL CHECK (kind IN ('GIVEN', 'GIVEN_AGAIN',
                           'GIVEN_BY_INVITATION', 'REVOKED', 'ENDED_BY_ERASURE',
                           'ENDED_BY_TENANT_DELETION')),
    shared_items       text[]       NOT NULL,
    -- the purpose as the freelancer was shown it then; NULL only for consents older than the log
    purpose            varchar(500)
);
CREATE INDEX consent_event_subject ON consent_event (freelancer_subject, occurred_at DESC);
CREATE INDEX consent_event_tenant ON consent_event (tenant_id, occurred_at DESC);

-- The history so far, from the consent rows themselves (before row-level security is on).
INSERT INTO consent_event (id, occurred_at, tenant_id, freelancer_subject, consent_id, kind,
                           shared_items, purpose)
     SELECT gen_random_uuid(), granted_at, tenant_id, freelancer_subject, id, 'GIVEN',
            shared_items, NULL
       FROM consent
  UNION ALL
     SELECT gen_random_uuid(), revoked_at, tenant_id, freelancer_subject, id, 'REVOKED',
            shared_items, NULL
       FROM consent WHERE revoked_at IS NOT NULL;

-- Append-only for everyone, the schema owner included: an entry is never changed, and deleted
-- only by erase_freelancer() (the person's right to erasure), which raises proxima.erasure.
CREATE FUNCTION consent_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' AND proxima_erasing() THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'consent_event is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER consent_event_append_only BEFORE UPDATE OR DELETE ON consent_event
    FOR EACH ROW EXECUTE FUNCTION consent_event_is_append_only();
CREATE TRIGGER consent_event_no_truncate BEFORE TRUNCATE ON consent_event
    FOR EACH STATEMENT EXECUTE FUNCTION consent_event_is_append_only();

ALTER TABLE consent_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE consent_event FORCE ROW LEVEL SECURITY;
-- The freelancer reads all of theirs; a tenant only the entries about itself (its record of the
-- consents it relies on), never another tenant's nor the freelancer's entries about other tenants.
CREATE POLICY consent_event_read ON consent_event FOR SELECT
    USING (freelancer_subject = proxima_subject() OR tenant_id = proxima_tenant()
           OR proxima_platform_scope());
-- Written in the freelancer's own request (share, stop, accept an invitation), or by the platform
-- (a tenant's deletion). Staff never write it.
CREATE POLICY consent_event_append ON consent_event FOR INSERT
    WITH CHECK (freelancer_subject = proxima_subject() OR proxima_platform_scope());
-- erase_freelancer() (the owner, while the erasure flag is on) deletes and writes, like V71's.
CREATE POLICY consent_event_erasure ON consent_event FOR ALL TO CURRENT_USER
    USING (proxima_erasing()) WITH CHECK (proxima_erasing());

GRANT SELECT, INSERT ON consent_event TO ${app_role};

-- The erasure as in V71, now also for the consent log.
CREATE OR REPLACE FUNCTION erase_freelancer(p_subject varchar, p_request_id varchar DEFAULT NULL) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
DECLARE
    v_label     constant text := '退会したユーザー';
    -- What the freelancer wrote in rows a tenant keeps is replaced by this.
    v_removed   constant text := '（退会したユーザーにより削除されました）';
    v_pseudonym text := erasure_pseudonym(p_subject);
    names     text[];
BEGIN
    IF p_subject IS NULL OR NOT (p_subject = proxima_subject() OR proxima_platform_scope()) THEN
        RAISE EXCEPTION 'only the freelancer themselves may erase their account'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM set_config('proxima.erasure', 'on', true);

    -- The strings that name the person: quoted in tenants' records, they are replaced. Longest
    -- first, so "山田 太郎" is replaced before "山田". Two characters at least: one character is
    -- too common to be a name.
    SELECT coalesce(array_agg(n ORDER BY char_length(n) DESC), '{}') INTO names
      FROM (SELECT DISTINCT n FROM (
              SELECT username AS n FROM user_account WHERE keycloak_subject = p_subject
              UNION ALL SELECT email FROM user_account WHERE keycloak_subject = p_subject
              UNION ALL SELECT display_name FROM user_account WHERE keycloak_subject = p_subject
              UNION ALL SELECT name FROM freelancer_profile WHERE freelancer_subject = p_subject
              UNION ALL SELECT document->>'name' FROM freelancer_profile
                         WHERE freelancer_subject = p_subject
              UNION ALL SELECT terms->>'freelancerName' FROM contract
                         WHERE freelancer_subject = p_subject) all_names
             WHERE n IS NOT NULL AND char_length(btrim(n)) >= 2 AND n <> v_label) distinct_names;

    -- The data key: every sealed copy (skill-sheet files and their text), backups included, can
    -- never be opened again once the ledger keeps a restore from bringing the key back.
    DELETE FROM data_key WHERE owner = 'freelancer:' || p_subject;

    -- The freelancer's own rows.
    DELETE FROM skill_sheet_original_sealing_backlog
     WHERE upload_id IN (SELECT id FROM skill_sheet_draft WHERE freelancer_subject = p_subject);
    DELETE FROM skill_sheet_original WHERE freelancer_subject = p_subject;
    DELETE FROM skill_sheet_draft WHERE freelancer_subject = p_subject;
    DELETE FROM freelancer_profile WHERE freelancer_subject = p_subject;
    DELETE FROM freelancer_availability WHERE freelancer_subject = p_subject;
    DELETE FROM calendar_busy WHERE freelancer_subject = p_subject;
    DELETE FROM calendar_source WHERE freelancer_subject = p_subject;
    DELETE FROM calendar_feed WHERE freelancer_subject = p_subject;
    DELETE FROM saved_search WHERE freelancer_subject = p_subject;
    DELETE FROM favourite_job WHERE freelancer_subject = p_subject;
    DELETE FROM freelancer_onboarding WHERE freelancer_subject = p_subject;
    DELETE FROM terms_acceptance WHERE freelancer_subject = p_subject;
    DELETE FROM notification_mail WHERE recipient_subject = p_subject;
    DELETE FROM notification WHERE recipient_subject = p_subject;
    DELETE FROM notification_settings WHERE subject = p_subject;
    DELETE FROM profile_view WHERE freelancer_subject = p_subject;
    DELETE FROM job_view WHERE freelancer_subject = p_subject;
    DELETE FROM talent_invitation
     WHERE answered_by = p_subject
        OR lower(email) IN (SELECT lower(email) FROM user_account
                             WHERE keycloak_subject = p_subject AND email IS NOT NULL);
    -- Sharing ends everywhere: boards and candidate searches drop the freelancer at once.
    DELETE FROM candidate_card WHERE freelancer_subject = p_subject;
    -- The consent log is the person's own record and goes with them (V72). Each tenant they
    -- shared with until now keeps one entry saying that the consent ended through the erasure:
    -- by the ledger's pseudonym, never the subject, with what was shared and the purpose as given.
    DELETE FROM consent_event WHERE freelancer_subject = p_subject;
    INSERT INTO consent_event (id, occurred_at, tenant_id, freelancer_subject, consent_id, kind,
                               shared_items, purpose)
         SELECT gen_random_uuid(), now(), tenant_id, 'erased:' || v_pseudonym, id,
                'ENDED_BY_ERASURE', coalesce(shared_items, '{}'::text[]), purpose
           FROM consent WHERE freelancer_subject = p_subject AND revoked_at IS NULL;
    DELETE FROM consent WHERE freelancer_subject = p_subject;

    -- Rows a tenant keeps: the freelancer's own words go, the tenant's stay without the name.
    UPDATE chat_message SET body = v_removed
     WHERE freelancer_subject = p_subject AND sender_side = 'FREELANCER';
    UPDATE scout SET answer = NULL WHERE freelancer_subject = p_subject AND answer IS NOT NULL;
    UPDATE job_application SET cover_note = NULL WHERE freelancer_subject = p_subject;
    UPDATE job_application_step SET reason = NULL
     WHERE freelancer_subject = p_subject AND actor_side = 'FREELANCER' AND reason IS NOT NULL;
    UPDATE interview_proposal SET answer = NULL
     WHERE freelancer_subject = p_subject AND answer IS NOT NULL;
    UPDATE time_report SET note = NULL WHERE freelancer_subject = p_subject AND note IS NOT NULL;
    -- Issued invoices are not touched (invoice_final refuses any change, and their lines name the
    -- work and the client, not the freelancer). A contract is kept as signed: its fixed document, SHA-256 and signatures are untouched (the
    -- trigger contract_document_final would refuse otherwise); the terms a tenant reads name
    -- the freelancer no longer.
    UPDATE contract SET terms = jsonb_set(terms, '{freelancerName}', to_jsonb(v_label))
     WHERE freelancer_subject = p_subject AND terms ? 'freelancerName';

    IF cardinality(names) > 0 THEN
        UPDATE chat_message SET body = left(erasure_scrub_text(body, names, v_label), 4000)
         WHERE freelancer_subject = p_subject AND erasure_mentions(body, names);
        UPDATE scout SET message = left(erasure_scrub_text(message, names, v_label), 4000)
         WHERE freelancer_subject = p_subject AND erasure_mentions(message, names);
        UPDATE job_application_note SET body = left(erasure_scrub_text(body, names, v_label), 4000)
         WHERE application_id IN (SELECT id FROM job_application WHERE freelancer_subject = p_subject)
           AND erasure_mentions(body, names);
        UPDATE job_application_step SET reason = erasure_scrub_text(reason, names, v_label)
         WHERE freelancer_subject = p_subject AND erasure_mentions(reason, names);
        UPDATE contract SET terms = erasure_scrub_json(terms, names, v_label)
         WHERE freelancer_subject = p_subject AND erasure_mentions(terms::text, names);
        UPDATE notification SET data = erasure_scrub_json(data, names, v_label)
         WHERE erasure_mentions(data::text, names);
        UPDATE notification_mail SET data = erasure_scrub_json(data, names, v_label)
         WHERE erasure_mentions(data::text, names);
        UPDATE webhook_event SET data = erasure_scrub_json(data::jsonb, names, v_label)::text
         WHERE erasure_mentions(data, names);
        UPDATE webhook_delivery SET payload = erasure_scrub_json(payload::jsonb, names, v_label)::text
         WHERE erasure_mentions(payload, names);
    END IF;

    -- The account row stays as a tombstone: tenants' boards, candidate lists and conversations
    -- join it for a name, and now read 「退会したユーザー」.
    UPDATE user_account
       SET username = 'deleted-' || left(v_pseudonym, 16), email = NULL, display_name = v_label,
           version = version + 1
     WHERE keycloak_subject = p_subject;

    INSERT INTO erasure_ledger (pseudonym, erased_at) VALUES (v_pseudonym, now())
        ON CONFLICT (pseudonym) DO NOTHING;

    -- The platform's audit chain: the erasure by its pseudonym, no actor, no address. Written
    -- here because the entry is one the erased person's scope may not read back.
    INSERT INTO audit_event (occurred_at, actor_subject, action, tenant_id, target, request_id,
                             details)
         VALUES (now(), NULL, 'personal-data.erased', NULL, 'erased:' || v_pseudonym,
                 nullif(p_request_id, ''),
                 'account erased: personal data deleted or overwritten, data key destroyed;'
                 || ' issued invoices and signed contracts kept');

    PERFORM set_config('proxima.erasure', 'off', true);
    RETURN v_pseudonym;
END
$$;

