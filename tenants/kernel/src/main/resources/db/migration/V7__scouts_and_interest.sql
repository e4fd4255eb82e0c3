-- Scouts (スカウト): a tenant writes to a freelancer who shares with it, inside their conversation,
-- within the plan's monthly allowance; and the interest signals that job recommendations blend in.

CREATE TABLE scout (
    id                 uuid          PRIMARY KEY,
    tenant_id          uuid          NOT NULL REFERENCES tenant (id),
    freelancer_subject varchar(255)  NOT NULL,
    job_id             uuid          REFERENCES job (id),
    sent_by            varchar(255)  NOT NULL,
    message            text          NOT NULL CHECK (char_length(message) BETWEEN 1 AND 4000),
    -- The chat message the scout was delivered as, in the same transaction.
    message_seq        bigint        NOT NULL,
    status             varchar(10)   NOT NULL CHECK (status IN ('SENT', 'ACCEPTED', 'DECLINED')),
    -- The month (first day, Japan time) whose allowance the scout was counted against.
    quota_month        date          NOT NULL,
    sent_at            timestamptz   NOT NULL,
    answered_at        timestamptz,
    answer             varchar(1000),
    CHECK ((status = 'SENT') = (answered_at IS NULL)),
    FOREIGN KEY (tenant_id, freelancer_subject, message_seq)
        REFERENCES chat_message (tenant_id, freelancer_subject, seq)
);
CREATE INDEX scout_tenant ON scout (tenant_id, sent_at DESC, id);
CREATE INDEX scout_freelancer ON scout (freelancer_subject, sent_at DESC, id);
-- One scout per freelancer and job: a second would only spend the allowance on a repeat.
CREATE UNIQUE INDEX scout_once_per_job ON scout (tenant_id, freelancer_subject, job_id)
    WHERE job_id IS NOT NULL;

-- The allowance spent per tenant and month. A send increments its row with a conditional upsert
-- that refuses to pass the plan's limit; the row lock queues concurrent sends, so the count is
-- exact whatever the concurrency (see JpaScoutRepository).
CREATE TABLE scout_quota_usage (
    tenant_id uuid    NOT NULL REFERENCES tenant (id),
    month     date    NOT NULL CHECK (extract(day FROM month) = 1),
    used      integer NOT NULL CHECK (used >= 0),
    PRIMARY KEY (tenant_id, month)
);

ALTER TABLE scout ENABLE ROW LEVEL SECURITY;
ALTER TABLE scout FORCE ROW LEVEL SECURITY;
CREATE POLICY scout_tenant ON scout
    USING (tenant_id = proxima_tenant() OR proxima_platform_scope())
    WITH CHECK (tenant_id = proxima_tenant());
CREATE POLICY scout_freelancer_read ON scout FOR SELECT
    USING (freelancer_subject = proxima_subject());
CREATE POLICY scout_freelancer_answer ON scout FOR UPDATE
    USING (freelancer_subject = proxima_subject())
    WITH CHECK (freelancer_subject = proxima_subject());

ALTER TABLE scout_quota_usage ENABLE ROW LEVEL SECURITY;
ALTER TABLE scout_quota_usage FORCE ROW LEVEL SECURITY;
CREATE POLICY scout_quota_usage_tenant ON scout_quota_usage
    USING (tenant_id = proxima_tenant() OR proxima_platform_scope())
    WITH CHECK (tenant_id = proxima_tenant());

GRANT SELECT, INSERT, UPDATE ON scout TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON scout_quota_usage TO ${app_role};

-- The calling freelancer's interest in jobs and that of the freelancers who showed interest in the
-- same jobs (views, accepted scouts), for collaborative recommendations. It runs as the owner in
-- the platform scope to read other freelancers' rows, so it returns them only under pseudonyms
-- that change with every call; the caller (app.subject, which it cannot be told) gets an empty
-- name.
CREATE FUNCTION job_interest_around(max_rows integer)
    RETURNS TABLE (freelancer text, job_id uuid, kind text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
#variable_conflict use_column
DECLARE
    caller_scope text := current_setting('app.scope', true);
BEGIN
    -- A function cannot SET a custom parameter itself; set it for the query and put it back, so
    -- the caller's transaction never goes on in the platform scope.
    PERFORM set_config('app.scope', 'platform', true);
    RETURN QUERY
    WITH salt AS (SELECT md5(random()::text) AS value),
    interest AS (
        SELECT v.freelancer_subject, v.job_id, 'VIEWED' AS kind FROM job_view v
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
REVOKE ALL ON FUNCTION job_interest_around(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION job_interest_around(integer) TO ${app_role};
