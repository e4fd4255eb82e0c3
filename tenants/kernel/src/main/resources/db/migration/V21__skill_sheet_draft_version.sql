-- Skill-sheet uploads are mapped entities now (issue 18): deciding one (applied or discarded)
-- is guarded by Hibernate's optimistic lock on this version, so two tabs cannot both decide it.
ALTER TABLE skill_sheet_draft ADD COLUMN version bigint NOT NULL DEFAULT 0;
