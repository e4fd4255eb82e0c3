-- Interview proposals are Hibernate entities now (issue 18): a version tells a freelancer's answer
-- and the staff's withdrawal of the same proposal apart, where the update used to test the status.
ALTER TABLE interview_proposal ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version > 0);
