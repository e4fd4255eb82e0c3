-- Jobs, job templates, what freelancers looked at, and the candidate cards that company search reads.
--
-- Search is PostgreSQL full text. Japanese has no spaces, so the application writes a token string
-- (Latin words, NFKC-folded and lower-cased; CJK runs as overlapping character bigrams) and the
-- 'simple' configuration keeps those tokens as they are; a CJK phrase is searched as its bigrams in
-- sequence (東京都 → 東京 <-> 京都), which is what pg_bigm does, without an extension.
--
-- Row-level security and indexes: PostgreSQL evaluates a policy before any condition that is not
-- LEAKPROOF, so a full-text match (@@) or array containment (@>) cannot use its GIN index on a table
-- under RLS unless a superuser marks those functions LEAKPROOF. The local PostgreSQL does (see
-- LocalPostgres); elsewhere a DBA runs the statements in README. Without them every search is still
-- correct, only slower (it reads every visible row).

CREATE TABLE job (
    id                    uuid          PRIMARY KEY,
    tenant_id             uuid          NOT NULL REFERENCES tenant (id),
    -- The client company the agency hires for (a workspace of the agency), or null for the tenant.
    workspace_id          uuid          REFERENCES company_workspace (id),
    title                 varchar(200)  NOT NULL,
    description           text          NOT NULL CHECK (char_length(description) <= 20000),
    required_skills       jsonb         NOT NULL,
    preferred_skills      jsonb         NOT NULL,
    skill_names           text[]        NOT NULL,
    required_skill_names  text[]        NOT NULL,
    rate_min_yen          integer       CHECK (rate_min_yen BETWEEN 10000 AND 10000000),
    rate_max_yen          integer       CHECK (rate_max_yen BETWEEN 10000 AND 10000000),
    rate_tax_included     boolean       NOT NULL,
    settlement_min_hours  smallint      CHECK (settlement_min_hours BETWEEN 1 AND 400),
    settlement_max_hours  smallint      CHECK (settlement_max_hours BETWEEN 1 AND 400),
    days_min              smallint      NOT NULL CHECK (days_min BETWEEN 1 AND 7),
    days_max              smallint      NOT NULL CHECK (days_max BETWEEN 1 AND 7),
    work_style            varchar(16)   NOT NULL CHECK (work_style IN ('REMOTE', 'HYBRID', 'ON_SITE')),
    location              varchar(100),
    start_date            date,
    duration_months       smallint      CHECK (duration_months BETWEEN 1 AND 120),
    contract_type         varchar(20)   NOT NULL CHECK (contract_type IN ('QUASI_MANDATE', 'CONTRACT_FOR_WORK', 'DISPATCH')),
    trial_available       boolean       NOT NULL,
    payment_terms_days    smallint      CHECK (payment_terms_days BETWEEN 0 AND 120),
    culture               varchar(16)   CHECK (culture IN ('STARTUP', 'SCALEUP', 'ENTERPRISE', 'SIER', 'PUBLIC_SECTOR', 'AGENCY')),
    status                varchar(8)    NOT NULL CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED')),
    search_vector         tsvector      NOT NULL,
    posted_by             varchar(255)  NOT NULL,
    created_at            timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL,
    published_at          timestamptz,
    closed_at             timestamptz,
    version               bigint        NOT NULL CHECK (version > 0),
    CHECK (rate_min_yen IS NULL OR rate_max_yen IS NULL OR rate_min_yen <= rate_max_yen),
    CHECK (settlement_min_hours IS NULL OR settlement_max_hours IS NULL
           OR settlement_min_hours <= settlement_max_hours),
    CHECK (days_min <= days_max),
    CHECK ((status = 'DRAFT') = (published_at IS NULL))
);
-- Searches filter and sort on the narrow columns and read the wide ones (description, skills as
-- JSON, the token vector) only for the rows they return: moving the wide values out of line keeps
-- a job's row small, so a search that walks thousands of rows reads a few hundred pages.
ALTER TABLE job SET (toast_tuple_target = 256);
CREATE INDEX job_search ON job USING gin (search_vector);
CREATE INDEX job_skills ON job USING gin (skill_names);
CREATE INDEX job_tenant ON job (tenant_id, updated_at DESC);
-- One index per order a search offers, on the very expression it sorts by.
-- They also carry every filter and facet column, so a search that walks one testing filters
-- reads the index alone, never the wide rows, until it has its page and sample.
CREATE INDEX job_newest ON job ((coalesce(published_at, created_at)) DESC, id DESC)
    INCLUDE (status, tenant_id, work_style, contract_type, culture, days_min, days_max,
             payment_terms_days, trial_available, rate_min_yen, rate_max_yen, rate_tax_included,
             settlement_min_hours, settlement_max_hours, duration_months, start_date, location,
             skill_names);
CREATE INDEX job_rate ON job ((coalesce(rate_max_yen, 0)) DESC, id DESC)
    INCLUDE (status, tenant_id, work_style, contract_type, culture, days_min, days_max,
             payment_terms_days, trial_available, rate_min_yen, rate_tax_included,
             settlement_min_hours, settlement_max_hours, duration_months, start_date, location,
             skill_names);
CREATE INDEX job_start ON job ((coalesce(start_date, DATE '9999-12-31')), id)
    INCLUDE (status, tenant_id, work_style, contract_type, culture, days_min, days_max,
             payment_terms_days, trial_available, rate_min_yen, rate_max_yen, rate_tax_included,
             settlement_min_hours, settlement_max_hours, duration_months, location, skill_names);

-- A tenant's reusable starting points for jobs: the same fields, kept as the request document.
CREATE TABLE job_template (
    id          uuid         PRIMARY KEY,
    tenant_id   uuid         NOT NULL REFERENCES tenant (id),
    name        varchar(100) NOT NULL,
    body        jsonb        NOT NULL,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    CONSTRAINT job_template_name_unique UNIQUE (tenant_id, name)
);

-- A freelancer opened a job: a collaborative signal for recommendations, and the tenant's view count.
CREATE TABLE job_view (
    id                 bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id             uuid         NOT NULL REFERENCES job (id),
    tenant_id          uuid         NOT NULL REFERENCES tenant (id),
    freelancer_subject varchar(255) NOT NULL,
    viewed_at          timestamptz  NOT NULL
);
CREATE INDEX job_view_job ON job_view (job_id);
CREATE INDEX job_view_freelancer ON job_view (freelancer_subject, viewed_at DESC);

-- What tenant-side candidate search reads: one card per freelancer and tenant they share with,
-- joining the profile and the live availability. Derived by the database itself (the triggers
-- below, in the writer's transaction) so it can never disagree with consent: revoking removes the
-- card in the same commit.
ALTER TABLE freelancer_profile ADD COLUMN search_tokens text NOT NULL DEFAULT '';

CREATE TABLE candidate_card (
    tenant_id            uuid         NOT NULL REFERENCES tenant (id),
    freelancer_subject   varchar(255) NOT NULL,
    display_name         varchar(255),
    title                varchar(200),
    skill_names          text[]       NOT NULL,
    skill_years          jsonb        NOT NULL,
    desired_rate_min_yen integer,
    desired_rate_max_yen integer,
    desired_days         smallint,
    desired_work_style   varchar(16),
    locations            text[]       NOT NULL,
    status               varchar(16),
    available_from       date,
    days_per_week        smallint,
    work_style           varchar(16),
    rate_min_yen         integer,
    rate_max_yen         integer,
    search_vector        tsvector     NOT NULL,
    shared_at            timestamptz  NOT NULL,
    updated_at           timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, freelancer_subject)
);
ALTER TABLE candidate_card SET (toast_tuple_target = 256);
CREATE INDEX candidate_card_search ON candidate_card USING gin (search_vector);
CREATE INDEX candidate_card_skills ON candidate_card USING gin (skill_names);
CREATE INDEX candidate_card_updated ON candidate_card (tenant_id, updated_at DESC, freelancer_subject)
    INCLUDE (status, available_from, days_per_week, desired_days, work_style, desired_work_style,
             rate_min_yen, desired_rate_min_yen, locations, skill_names);
CREATE INDEX candidate_card_subject ON candidate_card (freelancer_subject);
CREATE INDEX candidate_card_available ON candidate_card (tenant_id,
    (CASE status WHEN 'AVAILABLE' THEN DATE '2000-01-01' WHEN 'AVAILABLE_FROM' THEN available_from
                 ELSE DATE '9999-12-31' END), freelancer_subject);
CREATE INDEX candidate_card_rate ON candidate_card (tenant_id,
    (coalesce(coalesce(rate_min_yen, desired_rate_min_yen), 99999999)), freelancer_subject);

-- Runs as the schema owner: it reads the writer's own consent, profile and availability (row-level
-- security still applies to those) and writes cards of every tenant the freelancer shares with.
CREATE FUNCTION refresh_candidate_cards(subject varchar) RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = public AS
$$
    DELETE FROM candidate_card WHERE freelancer_subject = subject;
    INSERT INTO candidate_card
    SELECT c.tenant_id,
           c.freelancer_subject,
           coalesce(p.name, u.display_name),
           p.title,
           coalesce(p.skill_names, '{}'),
           coalesce((SELECT jsonb_object_agg(s->>'name', s->'years')
                       FROM jsonb_array_elements(p.document->'x-proxima'->'skills') s
                      WHERE s->>'name' IS NOT NULL), '{}'),
           (p.document->'x-proxima'->'desired'->>'monthlyRateMinYen')::integer,
           (p.document->'x-proxima'->'desired'->>'monthlyRateMaxYen')::integer,
           (p.document->'x-proxima'->'desired'->>'daysPerWeek')::smallint,
           p.document->'x-proxima'->'desired'->>'workStyle',
           coalesce(ARRAY(SELECT jsonb_array_elements_text(p.document->'x-proxima'->'desired'->'locations')), '{}'),
           a.status,
           a.available_from,
           a.days_per_week,
           a.work_style,
           a.rate_min_man_yen * 10000,
           a.rate_max_man_yen * 10000,
           to_tsvector('simple', coalesce(p.search_tokens, '')),
           c.granted_at,
           greatest(c.granted_at, p.updated_at, a.updated_at)
      FROM consent c
      LEFT JOIN freelancer_profile p ON p.freelancer_subject = c.freelancer_subject
      LEFT JOIN freelancer_availability a ON a.freelancer_subject = c.freelancer_subject
      LEFT JOIN user_account u ON u.keycloak_subject = c.freelancer_subject
     WHERE c.freelancer_subject = subject AND c.revoked_at IS NULL;
$$;

CREATE FUNCTION candidate_cards_follow() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
    PERFORM refresh_candidate_cards(NEW.freelancer_subject);
    RETURN NULL;
END
$$;

CREATE TRIGGER candidate_cards_consent AFTER INSERT OR UPDATE ON consent
    FOR EACH ROW EXECUTE FUNCTION candidate_cards_follow();
CREATE TRIGGER candidate_cards_profile AFTER INSERT OR UPDATE ON freelancer_profile
    FOR EACH ROW EXECUTE FUNCTION candidate_cards_follow();
CREATE TRIGGER candidate_cards_availability AFTER INSERT OR UPDATE ON freelancer_availability
    FOR EACH ROW EXECUTE FUNCTION candidate_cards_follow();

-- Cards for what was shared before this migration: read in the platform scope, which sees every
-- consent, profile and availability.
SELECT set_config('app.scope', 'platform', true);
SELECT refresh_candidate_cards(freelancer_subject)
  FROM (SELECT DISTINCT freelancer_subject FROM consent WHERE revoked_at IS NULL) s;
SELECT set_config('app.scope', '', true);

-- Row-level security.
ALTER TABLE job ENABLE ROW LEVEL SECURITY;
ALTER TABLE job FORCE ROW LEVEL SECURITY;
-- Open jobs are postings: any signed-in freelancer may find them. Drafts and closed jobs stay home.
CREATE POLICY job_read ON job FOR SELECT
    USING (tenant_id = proxima_tenant() OR status = 'OPEN' OR proxima_platform_scope());
CREATE POLICY job_insert ON job FOR INSERT WITH CHECK (tenant_id = proxima_tenant());
CREATE POLICY job_update ON job FOR UPDATE
    USING (tenant_id = proxima_tenant()) WITH CHECK (tenant_id = proxima_tenant());
CREATE POLICY job_delete ON job FOR DELETE USING (tenant_id = proxima_tenant() AND status = 'DRAFT');

ALTER TABLE job_template ENABLE ROW LEVEL SECURITY;
ALTER TABLE job_template FORCE ROW LEVEL SECURITY;
CREATE POLICY job_template_isolation ON job_template
    USING (tenant_id = proxima_tenant()) WITH CHECK (tenant_id = proxima_tenant());

ALTER TABLE job_view ENABLE ROW LEVEL SECURITY;
ALTER TABLE job_view FORCE ROW LEVEL SECURITY;
CREATE POLICY job_view_read ON job_view FOR SELECT
    USING (freelancer_subject = proxima_subject() OR tenant_id = proxima_tenant() OR proxima_platform_scope());
CREATE POLICY job_view_record ON job_view FOR INSERT
    WITH CHECK (freelancer_subject = proxima_subject());

-- Not FORCEd on purpose: the owner's triggers above write every tenant's cards; the application
-- role only reads, and only its tenant's.
ALTER TABLE candidate_card ENABLE ROW LEVEL SECURITY;
CREATE POLICY candidate_card_read ON candidate_card FOR SELECT
    USING (tenant_id = proxima_tenant() OR proxima_platform_scope());

GRANT SELECT, INSERT, UPDATE, DELETE ON job TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON job_template TO ${app_role};
GRANT SELECT, INSERT ON job_view TO ${app_role};
GRANT SELECT ON candidate_card TO ${app_role};
