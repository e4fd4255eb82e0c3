-- The freelancer's portable profile, their skill-sheet drafts and who looked at the profile.

-- One profile per freelancer, platform-wide. The document is the portable JSON the freelancer can
-- export and import (JSON Resume plus Proxima's extension block), so there is one mapping to keep
-- lossless, not two; the columns beside it are what search and lists read without parsing it.
CREATE TABLE freelancer_profile (
    freelancer_subject varchar(255) PRIMARY KEY,
    name               varchar(100),
    title              varchar(200),
    skill_names        text[]       NOT NULL DEFAULT '{}',
    document           jsonb        NOT NULL,
    updated_at         timestamptz  NOT NULL,
    version            bigint       NOT NULL CHECK (version > 0)
);

-- A parsed upload waiting for the freelancer's review. The file itself is not kept: once the
-- text is read, the draft is all the review needs, and a file nobody keeps cannot leak.
CREATE TABLE skill_sheet_draft (
    id                 uuid         PRIMARY KEY,
    freelancer_subject varchar(255) NOT NULL,
    file_name          varchar(255) NOT NULL,
    media_type         varchar(100) NOT NULL,
    size_bytes         integer      NOT NULL CHECK (size_bytes > 0),
    sha256             char(64)     NOT NULL,
    draft              jsonb        NOT NULL,
    status             varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'APPLIED', 'DISCARDED')),
    uploaded_at        timestamptz  NOT NULL,
    decided_at         timestamptz
);
CREATE INDEX skill_sheet_draft_freelancer ON skill_sheet_draft (freelancer_subject, uploaded_at DESC);

-- Every time tenant staff open a freelancer's profile: the freelancer sees who, from where, when.
CREATE TABLE profile_view (
    id                 bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    freelancer_subject varchar(255) NOT NULL,
    tenant_id          uuid         NOT NULL REFERENCES tenant (id),
    viewer_subject     varchar(255) NOT NULL,
    what               varchar(16)  NOT NULL CHECK (what IN ('PROFILE', 'PDF', 'JSON')),
    viewed_at          timestamptz  NOT NULL
);
CREATE INDEX profile_view_freelancer ON profile_view (freelancer_subject, viewed_at DESC);

ALTER TABLE freelancer_profile ENABLE ROW LEVEL SECURITY;
ALTER TABLE freelancer_profile FORCE ROW LEVEL SECURITY;
-- Like availability: the freelancer reads and writes their own; a tenant reads it only while the
-- freelancer shares with it.
CREATE POLICY freelancer_profile_read ON freelancer_profile FOR SELECT
    USING (freelancer_subject = proxima_subject()
           OR proxima_platform_scope()
           OR EXISTS (SELECT 1 FROM consent c
                      WHERE c.freelancer_subject = freelancer_profile.freelancer_subject
                        AND c.tenant_id = proxima_tenant()
                        AND c.revoked_at IS NULL));
CREATE POLICY freelancer_profile_insert ON freelancer_profile FOR INSERT
    WITH CHECK (freelancer_subject = proxima_subject());
CREATE POLICY freelancer_profile_update ON freelancer_profile FOR UPDATE
    USING (freelancer_subject = proxima_subject())
    WITH CHECK (freelancer_subject = proxima_subject());

-- Drafts are the freelancer's alone; no tenant ever sees an unreviewed upload.
ALTER TABLE skill_sheet_draft ENABLE ROW LEVEL SECURITY;
ALTER TABLE skill_sheet_draft FORCE ROW LEVEL SECURITY;
CREATE POLICY skill_sheet_draft_owner ON skill_sheet_draft
    USING (freelancer_subject = proxima_subject())
    WITH CHECK (freelancer_subject = proxima_subject());

-- A tenant records its own views, and only of freelancers sharing with it; the freelancer reads
-- every view of their profile; a tenant reads its own.
ALTER TABLE profile_view ENABLE ROW LEVEL SECURITY;
ALTER TABLE profile_view FORCE ROW LEVEL SECURITY;
CREATE POLICY profile_view_read ON profile_view FOR SELECT
    USING (freelancer_subject = proxima_subject() OR tenant_id = proxima_tenant() OR proxima_platform_scope());
CREATE POLICY profile_view_record ON profile_view FOR INSERT
    WITH CHECK (tenant_id = proxima_tenant()
                AND viewer_subject = proxima_subject()
                AND EXISTS (SELECT 1 FROM consent c
                            WHERE c.freelancer_subject = profile_view.freelancer_subject
                              AND c.tenant_id = proxima_tenant()
                              AND c.revoked_at IS NULL));

GRANT SELECT, INSERT, UPDATE ON freelancer_profile TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON skill_sheet_draft TO ${app_role};
GRANT SELECT, INSERT ON profile_view TO ${app_role};
