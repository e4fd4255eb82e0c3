-- A freelancer's pending invitations are found by their verified address across every tenant
-- (GET /api/v1/me/talent-invitations, fetched on the sharing page); the pending index of V55 starts
-- with the tenant, so without this one the lookup read every tenant's invitations.
CREATE INDEX talent_invitation_pending_to ON talent_invitation (lower(email))
    WHERE status = 'PENDING';
