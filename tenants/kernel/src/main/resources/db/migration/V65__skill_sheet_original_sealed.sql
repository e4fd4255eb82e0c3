-- Uploaded skill sheets are sealed with their freelancer's data key (V64): the file's bytes in
-- content, the text read from it in sealed_text. Rows uploaded before this version are listed in a
-- backlog the application seals on its next start (the keys are not SQL's to use), then empties.
-- The owner sees no rows under forced row-level security, so the listing lifts it for this
-- transaction only.
ALTER TABLE skill_sheet_original
    ADD COLUMN sealed boolean NOT NULL DEFAULT false,
    ADD COLUMN sealed_text bytea,
    ALTER COLUMN text DROP NOT NULL,
    ADD CONSTRAINT skill_sheet_original_sealed_or_not
        CHECK (CASE WHEN sealed THEN text IS NULL AND sealed_text IS NOT NULL
                    ELSE text IS NOT NULL AND sealed_text IS NULL END);

CREATE TABLE skill_sheet_original_sealing_backlog (
    upload_id uuid PRIMARY KEY
);

ALTER TABLE skill_sheet_original NO FORCE ROW LEVEL SECURITY;
INSERT INTO skill_sheet_original_sealing_backlog (upload_id)
    SELECT upload_id FROM skill_sheet_original WHERE NOT sealed;
ALTER TABLE skill_sheet_original FORCE ROW LEVEL SECURITY;
