-- The applications pipeline: a freelancer's application to a job, its history, the staff's
-- internal notes, and interview time proposals. The freelancer reads and moves only their own
-- applications and never sees notes; the tenant's staff see their tenant's.

CREATE TABLE job_application (
    id                 uuid          PRIMARY KEY,
    tenant_id          uuid          NOT NULL REFERENCES tenant (id),
    job_id             uuid          NOT NULL REFERENCES job (id),
    freelancer_subject varchar(255)  NOT NULL,
    stage              varchar(12)   NOT NULL CHECK (stage IN ('APPLIED', 'SCREENING', 'INTERVIEW',
                                         'OFFER', 'TRIAL', 'CONTRACTED', 'REJECTED', 'WITHDRAWN')),
    cover_note         text          CHECK (char_length(cover_note) <= 4000),
    proposed_rate_yen  integer       CHECK (proposed_rate_yen BETWEEN 10000 AND 10000000),
    created_at         timestamptz   NOT NULL,
    updated_at         timestamptz   NOT NULL,
    version            bigint        NOT NULL CHECK (version > 0),
    UNIQUE (job_id, freelancer_subject)
);
CREATE INDEX job_application_tenant ON job_application (tenant_id, updated_at DESC, id);
CREATE INDEX job_application_freelancer ON job_application (freelancer_subject, updated_at DESC, id);

CREATE TABLE job_application_step (
    id                 bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id     uuid          NOT NULL REFERENCES job_application (id),
    tenant_id          uuid          NOT NULL,
    freelancer_subject varchar(255)  NOT NULL,
    from_stage         varchar(12),
    to_stage           varchar(12)   NOT NULL,
    actor_side         varchar(10)   NOT NULL CHECK (actor_side IN ('FREELANCER', 'TENANT')),
    actor_subject      varchar(255)  NOT NULL,
    reason             varchar(1000),
    at                 timestamptz   NOT NULL
);
CREATE INDEX job_application_step_application ON job_application_step (application_id, id);

CREATE TABLE job_application_note (
    id             uuid          PRIMARY KEY,
    application_id uuid          NOT NULL REFERENCES job_application (id),
    tenant_id      uuid          NOT NULL,
    author_subject varchar(255)  NOT NULL,
    body           text          NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
    written_at     timestamptz   NOT NULL
);
CREATE INDEX job_application_note_application ON job_application_note (application_id, written_at);

CREATE TABLE interview_proposal (
    id                 uuid          PRIMARY KEY,
    application_id     uuid          NOT NULL REFERENCES job_application (id),
    tenant_id          uuid          NOT NULL,
    freelancer_subject varchar(255)  NOT NULL,
    -- [{"start": instant, "end": instant}], 1 to 5, validated by the domain.
    slots              jsonb         NOT NULL,
    location           varchar(200),
    meeting_url        varchar(500),
    status             varchar(10)   NOT NULL CHECK (status IN ('PROPOSED', 'ACCEPTED', 'DECLINED', 'CANCELLED')),
    chosen_start       timestamptz,
    chosen_end         timestamptz,
    answer             varchar(1000),
    proposed_by        varchar(255)  NOT NULL,
    proposed_at        timestamptz   NOT NULL,
    answered_at        timestamptz,
    CHECK ((status = 'ACCEPTED') = (chosen_start IS NOT NULL))
);
CREATE INDEX interview_proposal_application ON interview_proposal (application_id, proposed_at);

ALTER TABLE job_application ENABLE ROW LEVEL SECURITY;
ALTER TABLE job_application FORCE ROW LEVEL SECURITY;
CREATE POLICY job_application_tenant ON job_application
    USING (tenant_id = proxima_tenant() OR proxima_platform_scope())
    WITH CHECK (tenant_id = proxima_tenant());
CREATE POLICY job_application_freelancer_read ON job_application FOR SELECT
    USING (freelancer_subject = proxima_subject());
-- Only to an open job, and filed under that job's tenant.
CREATE POLICY job_application_freelancer_apply ON job_application FOR INSERT
    WITH CHECK (freelancer_subject = proxima_subject()
                AND EXISTS (SELECT 1 FROM job j WHERE j.id = job_id AND j.tenant_id = job_application.tenant_id
                                                  AND j.status = 'OPEN'));
CREATE POLICY job_application_freelancer_move ON job_application FOR UPDATE
    USING (freelancer_subject = proxima_subject())
    WITH CHECK (freelancer_subject = proxima_subject());

ALTER TABLE job_application_step ENABLE ROW LEVEL SECURITY;
ALTER TABLE job_application_step FORCE ROW LEVEL SECURITY;
CREATE POLICY job_application_step_tenant ON job_application_step
    USING (tenant_id = proxima_tenant()) WITH CHECK (tenant_id = proxima_tenant());
CREATE POLICY job_application_step_freelancer_read ON job_application_step FOR SELECT
    USING (freelancer_subject = proxima_subject());
CREATE POLICY job_application_step_freelancer_write ON job_application_step FOR INSERT
    WITH CHECK (freelancer_subject = proxima_subject());

-- Notes are the tenant's alone: no policy admits a freelancer.
ALTER TABLE job_application_note ENABLE ROW LEVEL SECURITY;
ALTER TABLE job_application_note FORCE ROW LEVEL SECURITY;
CREATE POLICY job_application_note_tenant ON job_application_note
    USING (tenant_id = proxima_tenant()) WITH CHECK (tenant_id = proxima_tenant());

ALTER TABLE interview_proposal ENABLE ROW LEVEL SECURITY;
ALTER TABLE interview_proposal FORCE ROW LEVEL SECURITY;
CREATE POLICY interview_proposal_tenant ON interview_proposal
    USING (tenant_id = proxima_tenant()) WITH CHECK (tenant_id = proxima_tenant());
CREATE POLICY interview_proposal_freelancer_read ON interview_proposal FOR SELECT
    USING (freelancer_subject = proxima_subject());
CREATE POLICY interview_proposal_freelancer_answer ON interview_proposal FOR UPDATE
    USING (freelancer_subject = proxima_subject())
    WITH CHECK (freelancer_subject = proxima_subject());

GRANT SELECT, INSERT, UPDATE ON job_application TO ${app_role};
GRANT SELECT, INSERT ON job_application_step TO ${app_role};
GRANT SELECT, INSERT ON job_application_note TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON interview_proposal TO ${app_role};

-- Applications are the strongest interest signal after accepted scouts; recommendations read them.
CREATE OR REPLACE FUNCTION job_interest_around(max_rows integer)
    RETURNS TABLE (freelancer text, job_id uuid, kind text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
#variable_conflict use_column
DECLARE
    caller_scope text := current_setting('app.scope', true);
BEGIN
    PERFORM set_config('app.scope', 'platform', true);
    RETURN QUERY
    WITH salt AS (SELECT md5(random()::text) AS value),
    interest AS (
        SELECT v.freelancer_subject, v.job_id, 'VIEWED' AS kind FROM job_view v
        UNION ALL
        SELECT a.freelancer_subject, a.job_id, 'APPLIED' FROM job_application a
        UNION ALL
        SELECT s.freelancer_subject, s.job_id, 'SCOUT_ACCEPTED' FROM scout s
         WHERE s.status = 'ACCEPTED' AND s.job_id IS NOT NULL
    ),
    mine AS (
        SELECT DISTINCT i.job_id FROM interest i WHERE i.freelancer_subject = proxima_subject()
    ),
    neighbours AS (
        SELECT i.freelancer_subject
          FROM interest i JOIN mine m ON m.job_id = i.job_id
         WHERE i.freelancer_subject <> proxima_subject()
         GROUP BY i.freelancer_subject
         ORDER BY count(DISTINCT i.job_id) DESC, i.freelancer_subject
         LIMIT 500
    ),
    picked AS (
        SELECT DISTINCT i.freelancer_subject, i.job_id, i.kind
          FROM interest i
         WHERE i.freelancer_subject = proxima_subject()
            OR i.freelancer_subject IN (SELECT n.freelancer_subject FROM neighbours n)
    )
    SELECT CASE WHEN p.freelancer_subject = proxima_subject() THEN ''
                ELSE 'n' || md5(salt.value || p.freelancer_subject)
           END,
           p.job_id, p.kind
      FROM picked p, salt
     LIMIT max_rows;
    PERFORM set_config('app.scope', coalesce(caller_scope, ''), true);
END
$$;
