-- A step the platform took on its own says why as a code the reader's language words (the
-- portal is Japanese first), not as an English sentence in the free-text reason.
ALTER TABLE job_application_step ADD COLUMN cause varchar(40)
    CHECK (cause IN ('INTERVIEW_AGREED'));

-- Steps written before: the freelancer's acceptance of an interview time was credited to the
-- staff member who proposed the times, with the English reason 'interview time agreed'. The
-- step is the freelancer's. History is otherwise never rewritten; this corrects a recording
-- error, so row-level security steps aside for this owner's transaction only.
ALTER TABLE job_application_step NO FORCE ROW LEVEL SECURITY;
UPDATE job_application_step
   SET cause = 'INTERVIEW_AGREED',
       reason = NULL,
       actor_side = 'FREELANCER',
       actor_subject = freelancer_subject
 WHERE to_stage = 'INTERVIEW'
   AND actor_side = 'TENANT'
   AND reason = 'interview time agreed';
ALTER TABLE job_application_step FORCE ROW LEVEL SECURITY;
