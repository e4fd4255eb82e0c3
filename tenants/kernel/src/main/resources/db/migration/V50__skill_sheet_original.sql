-- The uploaded file of a skill sheet and the text the reader took from it, kept so the freelancer
-- reviews the draft beside the original (V4 kept nothing). It lives and dies with its upload:
-- deleting the upload deletes the file, and like the draft no tenant ever reads it.
CREATE TABLE skill_sheet_original (
    upload_id          uuid         PRIMARY KEY REFERENCES skill_sheet_draft (id) ON DELETE CASCADE,
    freelancer_subject varchar(255) NOT NULL,
    content            bytea        NOT NULL CHECK (octet_length(content) > 0),
    text               text         NOT NULL
);

ALTER TABLE skill_sheet_original ENABLE ROW LEVEL SECURITY;
ALTER TABLE skill_sheet_original FORCE ROW LEVEL SECURITY;
CREATE POLICY skill_sheet_original_owner ON skill_sheet_original
    USING (freelancer_subject = proxima_subject())
    WITH CHECK (freelancer_subject = proxima_subject());

GRANT SELECT, INSERT, DELETE ON skill_sheet_original TO ${app_role};
