-- The 閲覧履歴 also lists what left the platform at the freelancer's own request: the export of all
-- their data (GET /api/v1/me/export) and downloads of an uploaded skill sheet's original. Such a
-- row belongs to no tenant, so a stolen session that takes a copy shows up where the freelancer
-- already looks, beside the tenants' views.
ALTER TABLE profile_view ALTER COLUMN tenant_id DROP NOT NULL;
ALTER TABLE profile_view DROP CONSTRAINT profile_view_what_check;
ALTER TABLE profile_view ADD CONSTRAINT profile_view_what_check
    CHECK (what IN ('PROFILE', 'PDF', 'JSON', 'EXPORT', 'SHEET_ORIGINAL'));
-- Staff rows keep their tenant; only the freelancer records a row without one, about themselves.
ALTER TABLE profile_view ADD CONSTRAINT profile_view_own_has_no_staff_kind
    CHECK (tenant_id IS NOT NULL OR (viewer_subject = freelancer_subject
                                     AND what IN ('EXPORT', 'SHEET_ORIGINAL')));
CREATE POLICY profile_view_record_own ON profile_view FOR INSERT
    WITH CHECK (tenant_id IS NULL
                AND freelancer_subject = proxima_subject()
                AND viewer_subject = proxima_subject());
