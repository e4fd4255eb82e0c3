-- A closed tenant's staff leave Keycloak after its erasure (issue 23). erase_tenant (V73) deletes
-- the memberships; the staff's Keycloak users, which exist only because the tenant made them staff,
-- were left behind (disabled with the tenant's sign-in). A person who is also a member of another
-- tenant, or a freelancer, keeps their Keycloak user: only the membership went.
--
-- Keycloak is outside the database's transaction: the users to remove are queued here in the
-- erasure's transaction, removed after its commit, and what Keycloak did not take (it was down) is
-- retried by the same schedule that retries erased freelancers' removals, across restarts.
-- The table holds Keycloak ids only, no personal data, and is read outside any tenant.
CREATE TABLE identity_removal (
    keycloak_subject varchar(255) PRIMARY KEY,
    reason           varchar(64)  NOT NULL,
    queued_at        timestamptz  NOT NULL,
    removed_at       timestamptz
);
CREATE INDEX identity_removal_awaiting ON identity_removal (queued_at) WHERE removed_at IS NULL;
GRANT SELECT, UPDATE ON identity_removal TO ${app_role};

-- Queues the Keycloak users of a tenant's staff whose only membership is this tenant and who are no
-- freelancer; returns them. Call it in erase_tenant's transaction, before it (it reads the
-- memberships erase_tenant deletes). Platform only; idempotent.
CREATE FUNCTION queue_tenant_staff_removal(p_tenant uuid) RETURNS SETOF varchar
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
BEGIN
    IF NOT proxima_platform_scope() THEN
        RAISE EXCEPTION 'only the platform may remove a tenant''s staff'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- A freelancer's own tables are open to this owner function only while the flag is on (V71).
    PERFORM set_config('proxima.erasure', 'on', true);
    RETURN QUERY
        INSERT INTO identity_removal (keycloak_subject, reason, queued_at)
        SELECT DISTINCT m.member_subject, 'tenant-erased', now()
          FROM membership m
         WHERE m.tenant_id = p_tenant
           AND NOT EXISTS (SELECT 1 FROM membership o
                            WHERE o.member_subject = m.member_subject AND o.tenant_id <> p_tenant)
           AND NOT EXISTS (SELECT 1 FROM freelancer_profile p
                            WHERE p.freelancer_subject = m.member_subject)
           AND NOT EXISTS (SELECT 1 FROM consent c WHERE c.freelancer_subject = m.member_subject)
           AND NOT EXISTS (SELECT 1 FROM terms_acceptance t
                            WHERE t.freelancer_subject = m.member_subject)
           AND NOT EXISTS (SELECT 1 FROM freelancer_onboarding f
                            WHERE f.freelancer_subject = m.member_subject)
        ON CONFLICT (keycloak_subject) DO NOTHING
        RETURNING keycloak_subject;
    PERFORM set_config('proxima.erasure', 'off', true);
END
$$;

REVOKE EXECUTE ON FUNCTION queue_tenant_staff_removal(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION queue_tenant_staff_removal(uuid) TO ${app_role};
