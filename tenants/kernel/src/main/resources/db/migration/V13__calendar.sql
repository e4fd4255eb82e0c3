-- Calendars: a freelancer's secret iCalendar feed (availability, interviews, busy time) and the
-- external calendars they import busy time from. Everything here belongs to the freelancer, not
-- to a tenant, like their availability (V3): rows are keyed by subject and only their owner
-- reaches them.

-- One feed per freelancer. Only a SHA-256 of the token is kept: the URL is a bearer secret, and
-- a copy of this table must not be enough to read anyone's calendar.
CREATE TABLE calendar_feed (
    freelancer_subject varchar(255) PRIMARY KEY,
    token_hash         bytea        NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    created_at         timestamptz  NOT NULL
);

CREATE TABLE calendar_source (
    id                 uuid          PRIMARY KEY,
    freelancer_subject varchar(255)  NOT NULL,
    url                varchar(2048) NOT NULL,
    label              varchar(100),
    created_at         timestamptz   NOT NULL,
    refreshed_at       timestamptz,
    -- When a refresh last added or removed busy time: what the feed's Last-Modified follows.
    busy_changed_at    timestamptz,
    last_error         varchar(500),
    UNIQUE (freelancer_subject, url)
);
CREATE INDEX calendar_source_refreshed ON calendar_source (refreshed_at NULLS FIRST);

-- Busy time expanded from a source for the import window: only when, never what (titles and
-- attendees of someone's private calendar are none of Proxima's business).
CREATE TABLE calendar_busy (
    source_id          uuid          NOT NULL REFERENCES calendar_source (id) ON DELETE CASCADE,
    freelancer_subject varchar(255)  NOT NULL,
    starts_at          timestamptz   NOT NULL,
    ends_at            timestamptz   NOT NULL,
    all_day            boolean       NOT NULL,
    imported_at        timestamptz   NOT NULL,
    PRIMARY KEY (source_id, starts_at, ends_at),
    CHECK (ends_at > starts_at)
);
CREATE INDEX calendar_busy_freelancer ON calendar_busy (freelancer_subject, starts_at);

ALTER TABLE calendar_feed ENABLE ROW LEVEL SECURITY;
ALTER TABLE calendar_feed FORCE ROW LEVEL SECURITY;
CREATE POLICY calendar_feed_owner ON calendar_feed
    USING (freelancer_subject = proxima_subject())
    WITH CHECK (freelancer_subject = proxima_subject());
-- Only calendar_feed_owner() below uses it, to find a feed by its token.
CREATE POLICY calendar_feed_lookup ON calendar_feed FOR SELECT
    USING (proxima_platform_scope());

-- The periodic refresh lists every source under the platform scope, then works as each owner.
ALTER TABLE calendar_source ENABLE ROW LEVEL SECURITY;
ALTER TABLE calendar_source FORCE ROW LEVEL SECURITY;
CREATE POLICY calendar_source_owner ON calendar_source
    USING (freelancer_subject = proxima_subject() OR proxima_platform_scope())
    WITH CHECK (freelancer_subject = proxima_subject());

ALTER TABLE calendar_busy ENABLE ROW LEVEL SECURITY;
ALTER TABLE calendar_busy FORCE ROW LEVEL SECURITY;
CREATE POLICY calendar_busy_owner ON calendar_busy
    USING (freelancer_subject = proxima_subject())
    WITH CHECK (freelancer_subject = proxima_subject());

-- The public feed URL carries no identity: this answers "whose feed has this token hash?" and
-- nothing else, so an anonymous request never needs a wider scope than one owner.
CREATE FUNCTION calendar_feed_owner(candidate bytea) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
$$
DECLARE
    caller_scope text := current_setting('app.scope', true);
    owner        text;
BEGIN
    PERFORM set_config('app.scope', 'platform', true);
    SELECT f.freelancer_subject INTO owner
      FROM calendar_feed f
     WHERE f.token_hash = candidate;
    PERFORM set_config('app.scope', coalesce(caller_scope, ''), true);
    RETURN owner;
END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON calendar_feed TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON calendar_source TO ${app_role};
GRANT SELECT, INSERT, DELETE ON calendar_busy TO ${app_role};
