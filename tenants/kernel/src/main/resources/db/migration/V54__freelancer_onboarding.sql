-- A freelancer's first run and the legal texts they accepted.
--
-- terms_acceptance is Proxima's own proof of which terms of use and privacy policy a person
-- accepted, when, and where (Keycloak's sign-up form, or the portal for someone who came through
-- GitHub or Google and never saw that form). Append-only: a new version accepted is a new row.
CREATE TABLE terms_acceptance (
    id                 uuid PRIMARY KEY,
    freelancer_subject varchar(255) NOT NULL,
    terms_version      varchar(32)  NOT NULL,
    privacy_version    varchar(32)  NOT NULL,
    accepted_at        timestamptz  NOT NULL,
    recorded_at        timestamptz  NOT NULL,
    source             varchar(16)  NOT NULL,
    CONSTRAINT terms_acceptance_source CHECK (source IN ('SIGN_UP_FORM', 'PORTAL'))
);
CREATE UNIQUE INDEX terms_acceptance_once
    ON terms_acceptance (freelancer_subject, terms_version, privacy_version);

-- Where the first-run guide stands, so it resumes where it was left and is shown once: finished_at
-- is set when the person completes or skips it.
CREATE TABLE freelancer_onboarding (
    freelancer_subject varchar(255) PRIMARY KEY,
    step               varchar(16)  NOT NULL,
    started_at         timestamptz  NOT NULL,
    finished_at        timestamptz,
    outcome            varchar(16),
    version            bigint       NOT NULL DEFAULT 0,
    CONSTRAINT freelancer_onboarding_step
        CHECK (step IN ('TERMS', 'PROFILE', 'AVAILABILITY', 'SHARING', 'DONE')),
    CONSTRAINT freelancer_onboarding_outcome CHECK (outcome IN ('COMPLETED', 'SKIPPED')),
    CONSTRAINT freelancer_onboarding_finished CHECK ((finished_at IS NULL) = (outcome IS NULL))
);

-- Both are the person's own: nobody else reads or writes them; the console may read them.
ALTER TABLE terms_acceptance ENABLE ROW LEVEL SECURITY;
ALTER TABLE terms_acceptance FORCE ROW LEVEL SECURITY;
CREATE POLICY terms_acceptance_read ON terms_acceptance FOR SELECT
    USING (freelancer_subject = proxima_subject() OR proxima_platform_scope());
CREATE POLICY terms_acceptance_insert ON terms_acceptance FOR INSERT
    WITH CHECK (freelancer_subject = proxima_subject());

ALTER TABLE freelancer_onboarding ENABLE ROW LEVEL SECURITY;
ALTER TABLE freelancer_onboarding FORCE ROW LEVEL SECURITY;
CREATE POLICY freelancer_onboarding_read ON freelancer_onboarding FOR SELECT
    USING (freelancer_subject = proxima_subject() OR proxima_platform_scope());
CREATE POLICY freelancer_onboarding_insert ON freelancer_onboarding FOR INSERT
    WITH CHECK (freelancer_subject = proxima_subject());
CREATE POLICY freelancer_onboarding_update ON freelancer_onboarding FOR UPDATE
    USING (freelancer_subject = proxima_subject())
    WITH CHECK (freelancer_subject = proxima_subject());

GRANT SELECT, INSERT ON terms_acceptance TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON freelancer_onboarding TO ${app_role};
