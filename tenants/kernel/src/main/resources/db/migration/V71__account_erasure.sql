-- A freelancer deletes their account (APPI's right to erasure, issue 23). One function erases them
-- from every table in one transaction, so an erasure is either complete or did not happen.
--
-- Erase means deleted or overwritten, never flagged: the freelancer's own rows are deleted, what
-- they wrote into rows a tenant keeps (chat messages, cover notes, answers) is overwritten, and
-- their name and e-mail are replaced by 「退会したユーザー」 wherever a tenant's own records quoted
-- them. What the law makes tenants keep (issued invoices, signed contracts: 電子帳簿保存法, 7 years)
-- stays, with the fields that make it a record: amounts, dates, the signed document and its
-- SHA-256 and signatures. The audit chain is never rewritten: it names people only by their
-- pseudonymous subject id, and the erasure is one more entry in it.

-- Who was erased and when, by a pseudonym only: the SHA-256 (hex) of the data-key owner
-- 'freelancer:<subject>'. A restore from a backup taken before an erasure brings the person back;
-- the platform keeps the same ledger in a file beside the master keys and erases again at start
-- whoever the file names and the restored database does not (README, "Account erasure").
CREATE TABLE erasure_ledger (
    pseudonym           char(64)    PRIMARY KEY CHECK (pseudonym ~ '^[0-9a-f]{64}$'),
    erased_at           timestamptz NOT NULL,
    -- Keycloak's user is removed after the commit; until then the platform retries.
    identity_removed_at timestamptz
);

GRANT SELECT ON erasure_ledger TO ${app_role};
GRANT UPDATE (identity_removed_at) ON erasure_ledger TO ${app_role};

CREATE FUNCTION erasure_pseudonym(p_subject text) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT encode(sha256(convert_to('freelancer:' || p_subject, 'UTF8')), 'hex') $$;

-- True only inside erase_freelancer(): the owner policies below open the tables for it alone.
CREATE FUNCTION proxima_erasing() RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('proxima.erasure', true), '') = 'on' $$;

-- Row-level security is forced on the schema owner too; these policies apply to the owner role
-- only (the application role can set the flag but no policy of its own looks at it), and only
-- while the flag is on, so the owner's other functions see exactly what they saw before.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['consent', 'freelancer_availability', 'conversation', 'chat_message',
        'freelancer_profile', 'skill_sheet_draft', 'profile_view', 'skill_sheet_original',
        'candidate_card', 'job_view', 'scout', 'job_application', 'job_application_step',
        'job_application_note', 'interview_proposal', 'contract', 'time_report',
        'calendar_feed', 'calendar_source', 'calendar_busy', 'terms_acceptance',
        'freelancer_onboarding', 'talent_invitation', 'saved_search', 'favourite_job',
        'notification', 'notification_mail', 'notification_settings', 'webhook_event',
        'webhook_delivery']
    LOOP
        EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO CURRENT_USER'
                       || ' USING (proxima_erasing()) WITH CHECK (proxima_erasing())',
                       t || '_erasure', t);
    END LOOP;
END
$$;

-- Every string in a JSON value with each of the names replaced; keys and structure untouched (a
-- name like "title" must not rename a member).
CREATE FUNCTION erasure_scrub_json(value jsonb, names text[], label text) RETURNS jsonb
    LANGUAGE plpgsql IMMUTABLE AS
$$
DECLARE
    result jsonb;
BEGIN
    CASE jsonb_typeof(value)
    WHEN 'object' THEN
        SELECT coalesce(jsonb_object_agg(key, erasure_scrub_json(v, names, label)), '{}'::jsonb)
          INTO result FROM jsonb_each(value) AS e(key, v);
    WHEN 'array' THEN
        SELECT coalesce(jsonb_agg(erasure_scrub_json(v, names, label) ORDER BY n), '[]'::jsonb)
          INTO result FROM jsonb_array_elements(value) WITH ORDINALITY AS e(v, n);
    WHEN 'string' THEN
        result := to_jsonb(erasure_scrub_text(value #>> '{}', names, label));
    ELSE
        result := value;
    END CASE;
    RETURN result;
END
$$;

CREATE FUNCTION erasure_mentions(value text, names text[]) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS
$$ SELECT value IS NOT NULL AND EXISTS (SELECT 1 FROM unnest(names) n WHERE strpos(value, n) > 0) $$;

CREATE FUNCTION erasure_scrub_text(value text, names text[], label text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE AS
$$
DECLARE
    name text;
BEGIN
    IF value IS NULL THEN
        RETURN NULL;
    END IF;
    FOREACH name IN ARRAY names LOOP
        value := replace(value, name, label);
    END LOOP;
    RETURN value;
END
$$;

-- Erases the freelancer p_subject; the caller is that freelancer (their own scope) or the
-- platform re-applying its ledger after a restore. Returns the ledger's pseudonym. Idempotent:
-- a second call finds nothing left to erase.
CREATE FUNCTION erase_freelancer(p_subject varchar, p_request_id varchar DEFAULT NULL) RETURNS text
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

REVOKE EXECUTE ON FUNCTION erase_freelancer(varchar, varchar) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION erase_freelancer(varchar, varchar) TO ${app_role};
