-- The audit log becomes a hash chain per tenant (and one for the platform), so an edited, removed
-- or reordered entry is detectable; and it gets a retention purge that keeps the chain verifiable.
--
-- Every entry carries its chain ('platform' or the tenant id), its position in that chain, the
-- previous entry's hash and its own: hash = sha256(prev_hash || audit_event_canonical(entry)).
-- A BEFORE INSERT trigger computes them, so no writer can skip or forge them: not the application,
-- not the console, not a person with SQL access short of the table owner disabling triggers.
-- io.proxima.platform.audit.AuditChainVerifier recomputes the same encoding in Java.

ALTER TABLE audit_event
    ADD COLUMN chain_key varchar(36),
    ADD COLUMN chain_seq bigint,
    ADD COLUMN prev_hash bytea,
    ADD COLUMN hash      bytea;

-- The newest entry of each chain. Appends lock its row until they commit, so entries of one chain
-- are numbered and linked in commit order: no two appends ever read the same head (no forks).
CREATE TABLE audit_chain_head (
    chain_key varchar(36) PRIMARY KEY,
    last_seq  bigint NOT NULL,
    last_hash bytea  NOT NULL
);

-- Where verification starts once a purge has removed a chain's oldest entries: the last removed
-- entry's position and hash. Never rewritten; a later purge adds a later checkpoint.
CREATE TABLE audit_checkpoint (
    chain_key   varchar(36) NOT NULL,
    last_seq    bigint      NOT NULL,
    last_hash   bytea       NOT NULL,
    cutoff      timestamptz NOT NULL,
    purged_rows bigint      NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (chain_key, last_seq)
);

-- How long a tenant keeps its audit log. 365 days is the floor the schema enforces whatever the
-- configuration says; the platform's own chain follows proxima.audit.retention.default-days.
CREATE TABLE audit_retention (
    tenant_id  uuid PRIMARY KEY REFERENCES tenant (id),
    keep_days  integer     NOT NULL CHECK (keep_days >= 365),
    changed_at timestamptz NOT NULL,
    changed_by varchar(255)
);

-- One field: its UTF-8 length as a 4-byte big-endian integer, then the bytes; NULL is length -1.
-- Length prefixes keep ('ab', 'c') and ('a', 'bc') apart.
CREATE FUNCTION audit_field(value text) RETURNS bytea LANGUAGE sql STABLE AS
$$ SELECT CASE WHEN value IS NULL THEN int4send(-1)
               ELSE int4send(octet_length(convert_to(value, 'UTF8'))) || convert_to(value, 'UTF8')
          END $$;

-- Every column but the hashes, in a fixed order; times as microseconds since the epoch (what
-- timestamptz stores), so the encoding does not depend on the session's time zone or DateStyle.
-- The leading tag versions the encoding.
CREATE FUNCTION audit_event_canonical(e audit_event) RETURNS bytea LANGUAGE sql STABLE AS
$$ SELECT audit_field('proxima-audit-v1')
       || audit_field(e.chain_key)
       || audit_field(e.chain_seq::text)
       || audit_field(e.id::text)
       || audit_field(((extract(epoch FROM e.occurred_at) * 1000000)::bigint)::text)
       || audit_field(e.actor_subject)
       || audit_field(e.actor_name)
       || audit_field(e.action)
       || audit_field(e.tenant_id::text)
       || audit_field(e.target)
       || audit_field(e.source_ip)
       || audit_field(e.request_id)
       || audit_field(e.details) $$;

-- Runs as the schema owner: the writer needs no access to the chain heads and cannot move them.
CREATE FUNCTION audit_event_chain() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
DECLARE
    head audit_chain_head%ROWTYPE;
BEGIN
    NEW.chain_key := coalesce(NEW.tenant_id::text, 'platform');
    SELECT * INTO head FROM audit_chain_head WHERE chain_key = NEW.chain_key FOR UPDATE;
    IF NOT FOUND THEN
        -- A chain's first entry; two first entries at once meet on the primary key, and the
        -- second waits for the first to commit before it locks the head.
        INSERT INTO audit_chain_head (chain_key, last_seq, last_hash)
             VALUES (NEW.chain_key, 0, decode(repeat('00', 32), 'hex'))
        ON CONFLICT (chain_key) DO NOTHING;
        SELECT * INTO head FROM audit_chain_head WHERE chain_key = NEW.chain_key FOR UPDATE;
    END IF;
    NEW.chain_seq := head.last_seq + 1;
    NEW.prev_hash := head.last_hash;
    NEW.hash := sha256(NEW.prev_hash || audit_event_canonical(NEW));
    UPDATE audit_chain_head SET last_seq = NEW.chain_seq, last_hash = NEW.hash
     WHERE chain_key = NEW.chain_key;
    RETURN NEW;
END
$$;

-- Existing entries, chained in the order they were written.
DO $$
DECLARE
    entry audit_event%ROWTYPE;
    previous bytea;
    seq_no bigint;
    current_chain varchar(36) := NULL;
BEGIN
    -- The one rewrite the log ever gets: row-level security (which has no UPDATE policy here)
    -- and the append-only trigger step aside for this transaction's owner only.
    ALTER TABLE audit_event NO FORCE ROW LEVEL SECURITY;
    ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only;
    FOR entry IN
        SELECT * FROM audit_event ORDER BY coalesce(tenant_id::text, 'platform'), id
    LOOP
        IF current_chain IS DISTINCT FROM coalesce(entry.tenant_id::text, 'platform') THEN
            IF current_chain IS NOT NULL THEN
                INSERT INTO audit_chain_head VALUES (current_chain, seq_no, previous);
            END IF;
            current_chain := coalesce(entry.tenant_id::text, 'platform');
            previous := decode(repeat('00', 32), 'hex');
            seq_no := 0;
        END IF;
        seq_no := seq_no + 1;
        entry.chain_key := current_chain;
        entry.chain_seq := seq_no;
        entry.prev_hash := previous;
        entry.hash := sha256(previous || audit_event_canonical(entry));
        UPDATE audit_event
           SET chain_key = entry.chain_key, chain_seq = entry.chain_seq,
               prev_hash = entry.prev_hash, hash = entry.hash
         WHERE id = entry.id;
        previous := entry.hash;
    END LOOP;
    IF current_chain IS NOT NULL THEN
        INSERT INTO audit_chain_head VALUES (current_chain, seq_no, previous);
    END IF;
    ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only;
    ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
END
$$;

ALTER TABLE audit_event
    ALTER COLUMN chain_key SET NOT NULL,
    ALTER COLUMN chain_seq SET NOT NULL,
    ALTER COLUMN prev_hash SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL,
    ADD CONSTRAINT audit_event_chain_position UNIQUE (chain_key, chain_seq);
-- The viewers page one chain newest first by id.
CREATE INDEX audit_event_chain_id ON audit_event (chain_key, id DESC);

CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

-- Append-only stays: no UPDATE or TRUNCATE for anyone, and no DELETE but the one audit_purge()
-- runs, which it announces with a transaction-local flag. The flag alone is not enough: a row may
-- go only if a checkpoint already covers it, and only audit_purge() writes checkpoints. The
-- application role has no DELETE privilege at all, flag or not.
CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('proxima.audit_purge', true) = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only';
END
$$;

CREATE FUNCTION audit_event_purged_only() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
    IF OLD.chain_seq <= coalesce((SELECT max(last_seq) FROM audit_checkpoint
                                   WHERE chain_key = OLD.chain_key), 0) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only: entry #% of chain % is not behind a retention checkpoint',
        OLD.chain_seq, OLD.chain_key;
END
$$;
CREATE TRIGGER audit_event_delete_purged_only BEFORE DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_purged_only();

CREATE FUNCTION audit_checkpoint_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'audit_checkpoint is append-only'; END $$;
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoint_is_append_only();

-- The one way to remove audit entries: a chain's oldest entries, every one of them older than
-- keep_days (never fewer than 365), through the last entry before the first younger one, so what
-- is left is an unbroken suffix. The checkpoint is written first; the delete trigger then lets
-- exactly those rows go. The purge is itself an entry of the chain it shortened.
CREATE FUNCTION audit_purge(p_chain varchar, p_keep_days integer) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
DECLARE
    caller_scope text := current_setting('app.scope', true);
    cutoff timestamptz;
    previous_checkpoint bigint;
    through bigint;
    through_hash bytea;
    removed bigint;
BEGIN
    IF p_keep_days IS NULL OR p_keep_days < 365 THEN
        RAISE EXCEPTION 'audit entries are kept at least 365 days, not %', p_keep_days
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    cutoff := now() - make_interval(days => p_keep_days);
    -- Two purges of one chain at once would race for the same checkpoint.
    PERFORM pg_advisory_xact_lock(hashtext('audit_purge'), hashtext(p_chain));
    -- audit_event forces row-level security even on its owner: work in the platform scope for
    -- these statements only, and give the caller back their own.
    PERFORM set_config('app.scope', 'platform', true);
    SELECT coalesce(max(last_seq), 0) INTO previous_checkpoint
      FROM audit_checkpoint WHERE chain_key = p_chain;
    SELECT coalesce(min(chain_seq) - 1,
                    (SELECT max(chain_seq) FROM audit_event WHERE chain_key = p_chain))
      INTO through
      FROM audit_event WHERE chain_key = p_chain AND occurred_at >= cutoff;
    IF through IS NULL OR through <= previous_checkpoint THEN
        PERFORM set_config('app.scope', coalesce(caller_scope, ''), true);
        RETURN 0;
    END IF;
    SELECT hash INTO through_hash FROM audit_event
     WHERE chain_key = p_chain AND chain_seq = through;
    SELECT count(*) INTO removed FROM audit_event
     WHERE chain_key = p_chain AND chain_seq <= through;
    INSERT INTO audit_checkpoint (chain_key, last_seq, last_hash, cutoff, purged_rows, created_at)
         VALUES (p_chain, through, through_hash, cutoff, removed, now());
    PERFORM set_config('proxima.audit_purge', 'on', true);
    DELETE FROM audit_event WHERE chain_key = p_chain AND chain_seq <= through;
    GET DIAGNOSTICS removed = ROW_COUNT;
    PERFORM set_config('proxima.audit_purge', 'off', true);
    INSERT INTO audit_event (occurred_at, actor_subject, action, tenant_id, target, details)
         VALUES (now(), proxima_subject(), 'audit.purged',
                 CASE WHEN p_chain = 'platform' THEN NULL ELSE p_chain::uuid END, p_chain,
                 format('removed %s entries through #%s, all before %s (kept %s days)',
                        removed, through, cutoff, p_keep_days));
    PERFORM set_config('app.scope', coalesce(caller_scope, ''), true);
    RETURN removed;
END
$$;

ALTER TABLE audit_chain_head ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_checkpoint ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_retention ENABLE ROW LEVEL SECURITY;
-- Not FORCEd: the owner's trigger and purge functions maintain these tables. The application
-- reads them to verify a chain: the console every chain, a tenant its own.
CREATE POLICY audit_chain_head_read ON audit_chain_head FOR SELECT
    USING (proxima_platform_scope() OR chain_key = proxima_tenant()::text);
CREATE POLICY audit_checkpoint_read ON audit_checkpoint FOR SELECT
    USING (proxima_platform_scope() OR chain_key = proxima_tenant()::text);
-- Only a purge deletes, and it works in the platform scope.
CREATE POLICY audit_event_purge ON audit_event FOR DELETE USING (proxima_platform_scope());
CREATE POLICY audit_retention_read ON audit_retention FOR SELECT
    USING (proxima_platform_scope() OR tenant_id = proxima_tenant());
CREATE POLICY audit_retention_insert ON audit_retention FOR INSERT
    WITH CHECK (proxima_platform_scope());
CREATE POLICY audit_retention_update ON audit_retention FOR UPDATE
    USING (proxima_platform_scope()) WITH CHECK (proxima_platform_scope());

GRANT SELECT ON audit_chain_head, audit_checkpoint TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON audit_retention TO ${app_role};
GRANT EXECUTE ON FUNCTION audit_purge(varchar, integer) TO ${app_role};
REVOKE EXECUTE ON FUNCTION audit_purge(varchar, integer) FROM PUBLIC;
