-- Calendars are mapped entities now (issue 18): feeds and sources carry the version Hibernate's
-- optimistic locking checks, so a refresh and the freelancer's own change cannot overwrite each
-- other unseen. Busy time stays insert-and-delete only, so it needs none.
ALTER TABLE calendar_feed ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE calendar_source ADD COLUMN version bigint NOT NULL DEFAULT 0;
