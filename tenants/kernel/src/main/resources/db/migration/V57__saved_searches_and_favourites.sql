-- A freelancer's saved job searches with alerts, and the jobs they marked 気になる. Both are the
-- freelancer's alone: no tenant and no other freelancer reads them.

CREATE TABLE saved_search (
    id                  uuid          PRIMARY KEY,
    freelancer_subject  varchar(255)  NOT NULL,
    name                varchar(100)  NOT NULL,
    -- The filters as the search page's URL writes them (JobQueryString#filtersOnly).
    query               varchar(2000) NOT NULL,
    -- The tenant portal the search was saved in, whose open jobs alone it searches; null: every
    -- active tenant's.
    tenant_slug         varchar(40),
    alerts              boolean       NOT NULL,
    -- The high-water mark: jobs published up to this instant have been matched (and alerted, if
    -- any matched). The alert worker moves it in the transaction that records the alert, so a
    -- restart neither repeats nor loses one.
    matched_through     timestamptz   NOT NULL,
    last_alerted_at     timestamptz,
    last_alert_jobs     integer       CHECK (last_alert_jobs > 0),
    alerts_sent         integer       NOT NULL DEFAULT 0 CHECK (alerts_sent >= 0),
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    version             bigint        NOT NULL CHECK (version > 0),
    CONSTRAINT saved_search_name_unique UNIQUE (freelancer_subject, name)
);
CREATE INDEX saved_search_due ON saved_search (matched_through) WHERE alerts;

CREATE TABLE favourite_job (
    freelancer_subject  varchar(255) NOT NULL,
    job_id              uuid         NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    created_at          timestamptz  NOT NULL,
    PRIMARY KEY (freelancer_subject, job_id)
);
CREATE INDEX favourite_job_newest ON favourite_job (freelancer_subject, created_at DESC);

-- The owner reads and writes their own; the alert worker runs in platform scope.
ALTER TABLE saved_search ENABLE ROW LEVEL SECURITY;
ALTER TABLE saved_search FORCE ROW LEVEL SECURITY;
CREATE POLICY saved_search_owner ON saved_search
    USING (freelancer_subject = proxima_subject() OR proxima_platform_scope())
    WITH CHECK (freelancer_subject = proxima_subject() OR proxima_platform_scope());

-- A job's deletion (a draft) cascades here as its tenant, so deletes are not the owner's alone;
-- only open jobs can be marked, and drafts were never open.
ALTER TABLE favourite_job ENABLE ROW LEVEL SECURITY;
ALTER TABLE favourite_job FORCE ROW LEVEL SECURITY;
CREATE POLICY favourite_job_owner ON favourite_job
    USING (freelancer_subject = proxima_subject())
    WITH CHECK (freelancer_subject = proxima_subject());

GRANT SELECT, INSERT, UPDATE, DELETE ON saved_search TO ${app_role};
GRANT SELECT, INSERT, DELETE ON favourite_job TO ${app_role};
